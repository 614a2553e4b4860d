/**
 * The detector catalogue: every provider family file, in one list. Adding a family is one import
 * and one line here (keep both alphabetical).
 * @module
 */
import type { Detector } from '../engine/types.js';
import onePassword from './1password.js';
import ably from './ably.js';
import age from './age.js';
import ai21 from './ai21.js';
import airtable from './airtable.js';
import akeyless from './akeyless.js';
import algolia from './algolia.js';
import alibaba from './alibaba.js';
import amplitude from './amplitude.js';
import anthropic from './anthropic.js';
import anyscale from './anyscale.js';
import asana from './asana.js';
import assemblyai from './assemblyai.js';
import atlassian from './atlassian.js';
import auth0 from './auth0.js';
import aws from './aws.js';
import azure from './azure.js';
import baseten from './baseten.js';
import basicAuthUrl from './basic-auth-url.js';
import bitwarden from './bitwarden.js';
import box from './box.js';
import braintrust from './braintrust.js';
import braze from './braze.js';
import brevo from './brevo.js';
import browserbase from './browserbase.js';
import buildkite from './buildkite.js';
import calendly from './calendly.js';
import cartesia from './cartesia.js';
import cerebras from './cerebras.js';
import chargebee from './chargebee.js';
import checkout from './checkout.js';
import chroma from './chroma.js';
import circleci from './circleci.js';
import clarifai from './clarifai.js';
import clearml from './clearml.js';
import clerk from './clerk.js';
import clickup from './clickup.js';
import cloudflare from './cloudflare.js';
import cohere from './cohere.js';
import coinbase from './coinbase.js';
import comet from './comet.js';
import connectionString from './connection-string.js';
import contentful from './contentful.js';
import convex from './convex.js';
import crates from './crates.js';
import crowdin from './crowdin.js';
import curl from './curl.js';
import customerio from './customerio.js';
import dagshub from './dagshub.js';
import databricks from './databricks.js';
import datadog from './datadog.js';
import dbt from './dbt.js';
import deepgram from './deepgram.js';
import deepl from './deepl.js';
import deepseek from './deepseek.js';
import digitalocean from './digitalocean.js';
import discord from './discord.js';
import docker from './docker.js';
import docusign from './docusign.js';
import doppler from './doppler.js';
import dropbox from './dropbox.js';
import dynatrace from './dynatrace.js';
import e2b from './e2b.js';
import easypost from './easypost.js';
import elastic from './elastic.js';
import elevenlabs from './elevenlabs.js';
import facebook from './facebook.js';
import fauna from './fauna.js';
import figma from './figma.js';
import firecrawl from './firecrawl.js';
import fireworks from './fireworks.js';
import fivetran from './fivetran.js';
import flutterwave from './flutterwave.js';
import fly from './fly.js';
import freshdesk from './freshdesk.js';
import front from './front.js';
import generic from './generic.js';
import getstream from './getstream.js';
import github from './github.js';
import gitlab from './gitlab.js';
import gocardless from './gocardless.js';
import google from './google.js';
import grafana from './grafana.js';
import groq from './groq.js';
import hashicorp from './hashicorp.js';
import helicone from './helicone.js';
import helpscout from './helpscout.js';
import heroku from './heroku.js';
import hubspot from './hubspot.js';
import huggingface from './huggingface.js';
import humanloop from './humanloop.js';
import ibm from './ibm.js';
import infisical from './infisical.js';
import intercom from './intercom.js';
import iterable from './iterable.js';
import jfrog from './jfrog.js';
import jina from './jina.js';
import jwt from './jwt.js';
import keeper from './keeper.js';
import kinde from './kinde.js';
import klaviyo from './klaviyo.js';
import lambda from './lambda.js';
import langfuse from './langfuse.js';
import langsmith from './langsmith.js';
import launchdarkly from './launchdarkly.js';
import lemonsqueezy from './lemonsqueezy.js';
import line from './line.js';
import linear from './linear.js';
import linode from './linode.js';
import llamaindex from './llamaindex.js';
import logfire from './logfire.js';
import lokalise from './lokalise.js';
import mailchimp from './mailchimp.js';
import mailgun from './mailgun.js';
import mailjet from './mailjet.js';
import mapbox from './mapbox.js';
import mattermost from './mattermost.js';
import meilisearch from './meilisearch.js';
import mem0 from './mem0.js';
import messagebird from './messagebird.js';
import microsoftTeams from './microsoft-teams.js';
import miro from './miro.js';
import mistral from './mistral.js';
import mixpanel from './mixpanel.js';
import modal from './modal.js';
import mollie from './mollie.js';
import monday from './monday.js';
import mongodbAtlas from './mongodb-atlas.js';
import moonshot from './moonshot.js';
import neon from './neon.js';
import neptune from './neptune.js';
import netlify from './netlify.js';
import newrelic from './newrelic.js';
import ngrok from './ngrok.js';
import nomic from './nomic.js';
import notion from './notion.js';
import npm from './npm.js';
import nuget from './nuget.js';
import nvidia from './nvidia.js';
import okta from './okta.js';
import openai from './openai.js';
import openrouter from './openrouter.js';
import paddle from './paddle.js';
import paypal from './paypal.js';
import paystack from './paystack.js';
import perplexity from './perplexity.js';
import phrase from './phrase.js';
import pinecone from './pinecone.js';
import plaid from './plaid.js';
import planetscale from './planetscale.js';
import plivo from './plivo.js';
import posthog from './posthog.js';
import postman from './postman.js';
import postmark from './postmark.js';
import privateKey from './private-key.js';
import pulumi from './pulumi.js';
import pusher from './pusher.js';
import pushover from './pushover.js';
import pypi from './pypi.js';
import qdrant from './qdrant.js';
import razorpay from './razorpay.js';
import recurly from './recurly.js';
import replicate from './replicate.js';
import roboflow from './roboflow.js';
import rocketchat from './rocketchat.js';
import rubygems from './rubygems.js';
import runpod from './runpod.js';
import runway from './runway.js';
import sambanova from './sambanova.js';
import sanity from './sanity.js';
import scaleai from './scaleai.js';
import scaleway from './scaleway.js';
import segment from './segment.js';
import sendgrid from './sendgrid.js';
import sentry from './sentry.js';
import shippo from './shippo.js';
import shipstation from './shipstation.js';
import shopify from './shopify.js';
import sinch from './sinch.js';
import slack from './slack.js';
import smartsheet from './smartsheet.js';
import snyk from './snyk.js';
import sonarqube from './sonarqube.js';
import sparkpost from './sparkpost.js';
import square from './square.js';
import stability from './stability.js';
import storyblok from './storyblok.js';
import strapi from './strapi.js';
import stripe from './stripe.js';
import stytch from './stytch.js';
import supabase from './supabase.js';
import tailscale from './tailscale.js';
import tavily from './tavily.js';
import telegram from './telegram.js';
import togetherai from './togetherai.js';
import trello from './trello.js';
import turbopuffer from './turbopuffer.js';
import turso from './turso.js';
import twilio from './twilio.js';
import twitter from './twitter.js';
import typeform from './typeform.js';
import typesense from './typesense.js';
import upstash from './upstash.js';
import vercel from './vercel.js';
import voiceflow from './voiceflow.js';
import vonage from './vonage.js';
import voyage from './voyage.js';
import weaviate from './weaviate.js';
import webex from './webex.js';
import webflow from './webflow.js';
import weightsandbiases from './weightsandbiases.js';
import wise from './wise.js';
import workos from './workos.js';
import xai from './xai.js';
import xata from './xata.js';
import zapier from './zapier.js';
import zendesk from './zendesk.js';
import zilliz from './zilliz.js';
import zoom from './zoom.js';

export const DETECTORS: readonly Detector[] = [
  ...onePassword,
  ...ably,
  ...age,
  ...ai21,
  ...airtable,
  ...akeyless,
  ...algolia,
  ...alibaba,
  ...amplitude,
  ...anthropic,
  ...anyscale,
  ...asana,
  ...assemblyai,
  ...atlassian,
  ...auth0,
  ...aws,
  ...azure,
  ...baseten,
  ...basicAuthUrl,
  ...bitwarden,
  ...box,
  ...braintrust,
  ...braze,
  ...brevo,
  ...browserbase,
  ...buildkite,
  ...calendly,
  ...cartesia,
  ...cerebras,
  ...chargebee,
  ...checkout,
  ...chroma,
  ...circleci,
  ...clarifai,
  ...clearml,
  ...clerk,
  ...clickup,
  ...cloudflare,
  ...cohere,
  ...coinbase,
  ...comet,
  ...connectionString,
  ...contentful,
  ...convex,
  ...crates,
  ...crowdin,
  ...curl,
  ...customerio,
  ...dagshub,
  ...databricks,
  ...datadog,
  ...dbt,
  ...deepgram,
  ...deepl,
  ...deepseek,
  ...digitalocean,
  ...discord,
  ...docker,
  ...docusign,
  ...doppler,
  ...dropbox,
  ...dynatrace,
  ...e2b,
  ...easypost,
  ...elastic,
  ...elevenlabs,
  ...facebook,
  ...fauna,
  ...figma,
  ...firecrawl,
  ...fireworks,
  ...fivetran,
  ...flutterwave,
  ...fly,
  ...freshdesk,
  ...front,
  ...generic,
  ...getstream,
  ...github,
  ...gitlab,
  ...gocardless,
  ...google,
  ...grafana,
  ...groq,
  ...hashicorp,
  ...helicone,
  ...helpscout,
  ...heroku,
  ...hubspot,
  ...huggingface,
  ...humanloop,
  ...ibm,
  ...infisical,
  ...intercom,
  ...iterable,
  ...jfrog,
  ...jina,
  ...jwt,
  ...keeper,
  ...kinde,
  ...klaviyo,
  ...lambda,
  ...langfuse,
  ...langsmith,
  ...launchdarkly,
  ...lemonsqueezy,
  ...line,
  ...linear,
  ...linode,
  ...llamaindex,
  ...logfire,
  ...lokalise,
  ...mailchimp,
  ...mailgun,
  ...mailjet,
  ...mapbox,
  ...mattermost,
  ...meilisearch,
  ...mem0,
  ...messagebird,
  ...microsoftTeams,
  ...miro,
  ...mistral,
  ...mixpanel,
  ...modal,
  ...mollie,
  ...monday,
  ...mongodbAtlas,
  ...moonshot,
  ...neon,
  ...neptune,
  ...netlify,
  ...newrelic,
  ...ngrok,
  ...nomic,
  ...notion,
  ...npm,
  ...nuget,
  ...nvidia,
  ...okta,
  ...openai,
  ...openrouter,
  ...paddle,
  ...paypal,
  ...paystack,
  ...perplexity,
  ...phrase,
  ...pinecone,
  ...plaid,
  ...planetscale,
  ...plivo,
  ...posthog,
  ...postman,
  ...postmark,
  ...privateKey,
  ...pulumi,
  ...pusher,
  ...pushover,
  ...pypi,
  ...qdrant,
  ...razorpay,
  ...recurly,
  ...replicate,
  ...roboflow,
  ...rocketchat,
  ...rubygems,
  ...runpod,
  ...runway,
  ...sambanova,
  ...sanity,
  ...scaleai,
  ...scaleway,
  ...segment,
  ...sendgrid,
  ...sentry,
  ...shippo,
  ...shipstation,
  ...shopify,
  ...sinch,
  ...slack,
  ...smartsheet,
  ...snyk,
  ...sonarqube,
  ...sparkpost,
  ...square,
  ...stability,
  ...storyblok,
  ...strapi,
  ...stripe,
  ...stytch,
  ...supabase,
  ...tailscale,
  ...tavily,
  ...telegram,
  ...togetherai,
  ...trello,
  ...turbopuffer,
  ...turso,
  ...twilio,
  ...twitter,
  ...typeform,
  ...typesense,
  ...upstash,
  ...vercel,
  ...voiceflow,
  ...vonage,
  ...voyage,
  ...weaviate,
  ...webex,
  ...webflow,
  ...weightsandbiases,
  ...wise,
  ...workos,
  ...xai,
  ...xata,
  ...zapier,
  ...zendesk,
  ...zilliz,
  ...zoom,
];
