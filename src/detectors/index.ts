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
import akamai from './akamai.js';
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
import axiom from './axiom.js';
import azure from './azure.js';
import backblaze from './backblaze.js';
import baseten from './baseten.js';
import basicAuthUrl from './basic-auth-url.js';
import betterStack from './better-stack.js';
import bitwarden from './bitwarden.js';
import box from './box.js';
import braintrust from './braintrust.js';
import braze from './braze.js';
import brevo from './brevo.js';
import browserbase from './browserbase.js';
import bugsnag from './bugsnag.js';
import buildkite from './buildkite.js';
import calendly from './calendly.js';
import cartesia from './cartesia.js';
import cerebras from './cerebras.js';
import chargebee from './chargebee.js';
import checkly from './checkly.js';
import checkout from './checkout.js';
import chroma from './chroma.js';
import circleci from './circleci.js';
import clarifai from './clarifai.js';
import clearml from './clearml.js';
import clerk from './clerk.js';
import clickup from './clickup.js';
import clojars from './clojars.js';
import cloudflare from './cloudflare.js';
import cloudinary from './cloudinary.js';
import cloudsmith from './cloudsmith.js';
import codacy from './codacy.js';
import codeclimate from './codeclimate.js';
import codecov from './codecov.js';
import codemagic from './codemagic.js';
import cohere from './cohere.js';
import coinbase from './coinbase.js';
import comet from './comet.js';
import connectionString from './connection-string.js';
import contentful from './contentful.js';
import convex from './convex.js';
import coralogix from './coralogix.js';
import coveralls from './coveralls.js';
import crates from './crates.js';
import crowdin from './crowdin.js';
import curl from './curl.js';
import customerio from './customerio.js';
import cypress from './cypress.js';
import dagshub from './dagshub.js';
import databricks from './databricks.js';
import datadog from './datadog.js';
import dbt from './dbt.js';
import deepgram from './deepgram.js';
import deepl from './deepl.js';
import deepseek from './deepseek.js';
import deno from './deno.js';
import digitalocean from './digitalocean.js';
import discord from './discord.js';
import docker from './docker.js';
import docusign from './docusign.js';
import doppler from './doppler.js';
import droneCi from './drone-ci.js';
import dropbox from './dropbox.js';
import dynatrace from './dynatrace.js';
import e2b from './e2b.js';
import easypost from './easypost.js';
import elastic from './elastic.js';
import elasticApm from './elastic-apm.js';
import elevenlabs from './elevenlabs.js';
import exoscale from './exoscale.js';
import facebook from './facebook.js';
import fastly from './fastly.js';
import fauna from './fauna.js';
import figma from './figma.js';
import firecrawl from './firecrawl.js';
import fireworks from './fireworks.js';
import fivetran from './fivetran.js';
import flutterwave from './flutterwave.js';
import fly from './fly.js';
import fossa from './fossa.js';
import freshdesk from './freshdesk.js';
import front from './front.js';
import generic from './generic.js';
import getstream from './getstream.js';
import gitea from './gitea.js';
import github from './github.js';
import gitlab from './gitlab.js';
import gocardless from './gocardless.js';
import google from './google.js';
import gradle from './gradle.js';
import grafana from './grafana.js';
import groq from './groq.js';
import harness from './harness.js';
import hashicorp from './hashicorp.js';
import helicone from './helicone.js';
import helpscout from './helpscout.js';
import heroku from './heroku.js';
import hetzner from './hetzner.js';
import hex from './hex.js';
import honeycomb from './honeycomb.js';
import huaweiCloud from './huawei-cloud.js';
import hubspot from './hubspot.js';
import huggingface from './huggingface.js';
import humanloop from './humanloop.js';
import ibm from './ibm.js';
import infisical from './infisical.js';
import infracost from './infracost.js';
import instana from './instana.js';
import intercom from './intercom.js';
import iterable from './iterable.js';
import jenkins from './jenkins.js';
import jfrog from './jfrog.js';
import jina from './jina.js';
import jwt from './jwt.js';
import keeper from './keeper.js';
import kinde from './kinde.js';
import klaviyo from './klaviyo.js';
import knapsackPro from './knapsack-pro.js';
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
import loggly from './loggly.js';
import logzio from './logzio.js';
import lokalise from './lokalise.js';
import mailchimp from './mailchimp.js';
import mailgun from './mailgun.js';
import mailjet from './mailjet.js';
import mapbox from './mapbox.js';
import mattermost from './mattermost.js';
import meilisearch from './meilisearch.js';
import mem0 from './mem0.js';
import messagebird from './messagebird.js';
import mezmo from './mezmo.js';
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
import octopusDeploy from './octopus-deploy.js';
import okta from './okta.js';
import openai from './openai.js';
import openrouter from './openrouter.js';
import openshift from './openshift.js';
import opsgenie from './opsgenie.js';
import packagecloud from './packagecloud.js';
import packagist from './packagist.js';
import paddle from './paddle.js';
import pagerduty from './pagerduty.js';
import papertrail from './papertrail.js';
import paypal from './paypal.js';
import paystack from './paystack.js';
import perplexity from './perplexity.js';
import phrase from './phrase.js';
import pinecone from './pinecone.js';
import plaid from './plaid.js';
import planetscale from './planetscale.js';
import plivo from './plivo.js';
import portainer from './portainer.js';
import posthog from './posthog.js';
import postman from './postman.js';
import postmark from './postmark.js';
import privateKey from './private-key.js';
import pulumi from './pulumi.js';
import pusher from './pusher.js';
import pushover from './pushover.js';
import pypi from './pypi.js';
import qdrant from './qdrant.js';
import railway from './railway.js';
import razorpay from './razorpay.js';
import recurly from './recurly.js';
import render from './render.js';
import replicate from './replicate.js';
import roboflow from './roboflow.js';
import rocketchat from './rocketchat.js';
import rollbar from './rollbar.js';
import rootly from './rootly.js';
import rubygems from './rubygems.js';
import runpod from './runpod.js';
import runway from './runway.js';
import sambanova from './sambanova.js';
import sanity from './sanity.js';
import scaleai from './scaleai.js';
import scaleway from './scaleway.js';
import scalingo from './scalingo.js';
import scrutinizerCi from './scrutinizer-ci.js';
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
import sourcegraph from './sourcegraph.js';
import sparkpost from './sparkpost.js';
import splunk from './splunk.js';
import square from './square.js';
import stability from './stability.js';
import storyblok from './storyblok.js';
import strapi from './strapi.js';
import stripe from './stripe.js';
import stytch from './stytch.js';
import sumoLogic from './sumo-logic.js';
import supabase from './supabase.js';
import tailscale from './tailscale.js';
import tavily from './tavily.js';
import teamcity from './teamcity.js';
import telegram from './telegram.js';
import tencentCloud from './tencent-cloud.js';
import togetherai from './togetherai.js';
import travisCi from './travis-ci.js';
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
import vultr from './vultr.js';
import wasabi from './wasabi.js';
import weaviate from './weaviate.js';
import webex from './webex.js';
import webflow from './webflow.js';
import weightsandbiases from './weightsandbiases.js';
import wise from './wise.js';
import workos from './workos.js';
import xai from './xai.js';
import xata from './xata.js';
import yandex from './yandex.js';
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
  ...akamai,
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
  ...axiom,
  ...azure,
  ...backblaze,
  ...baseten,
  ...basicAuthUrl,
  ...betterStack,
  ...bitwarden,
  ...box,
  ...braintrust,
  ...braze,
  ...brevo,
  ...browserbase,
  ...bugsnag,
  ...buildkite,
  ...calendly,
  ...cartesia,
  ...cerebras,
  ...chargebee,
  ...checkly,
  ...checkout,
  ...chroma,
  ...circleci,
  ...clarifai,
  ...clearml,
  ...clerk,
  ...clickup,
  ...clojars,
  ...cloudflare,
  ...cloudinary,
  ...cloudsmith,
  ...codacy,
  ...codeclimate,
  ...codecov,
  ...codemagic,
  ...cohere,
  ...coinbase,
  ...comet,
  ...connectionString,
  ...contentful,
  ...convex,
  ...coralogix,
  ...coveralls,
  ...crates,
  ...crowdin,
  ...curl,
  ...customerio,
  ...cypress,
  ...dagshub,
  ...databricks,
  ...datadog,
  ...dbt,
  ...deepgram,
  ...deepl,
  ...deepseek,
  ...deno,
  ...digitalocean,
  ...discord,
  ...docker,
  ...docusign,
  ...doppler,
  ...droneCi,
  ...dropbox,
  ...dynatrace,
  ...e2b,
  ...easypost,
  ...elastic,
  ...elasticApm,
  ...elevenlabs,
  ...exoscale,
  ...facebook,
  ...fastly,
  ...fauna,
  ...figma,
  ...firecrawl,
  ...fireworks,
  ...fivetran,
  ...flutterwave,
  ...fly,
  ...fossa,
  ...freshdesk,
  ...front,
  ...generic,
  ...getstream,
  ...gitea,
  ...github,
  ...gitlab,
  ...gocardless,
  ...google,
  ...gradle,
  ...grafana,
  ...groq,
  ...harness,
  ...hashicorp,
  ...helicone,
  ...helpscout,
  ...heroku,
  ...hetzner,
  ...hex,
  ...honeycomb,
  ...huaweiCloud,
  ...hubspot,
  ...huggingface,
  ...humanloop,
  ...ibm,
  ...infisical,
  ...infracost,
  ...instana,
  ...intercom,
  ...iterable,
  ...jenkins,
  ...jfrog,
  ...jina,
  ...jwt,
  ...keeper,
  ...kinde,
  ...klaviyo,
  ...knapsackPro,
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
  ...loggly,
  ...logzio,
  ...lokalise,
  ...mailchimp,
  ...mailgun,
  ...mailjet,
  ...mapbox,
  ...mattermost,
  ...meilisearch,
  ...mem0,
  ...messagebird,
  ...mezmo,
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
  ...octopusDeploy,
  ...okta,
  ...openai,
  ...openrouter,
  ...openshift,
  ...opsgenie,
  ...packagecloud,
  ...packagist,
  ...paddle,
  ...pagerduty,
  ...papertrail,
  ...paypal,
  ...paystack,
  ...perplexity,
  ...phrase,
  ...pinecone,
  ...plaid,
  ...planetscale,
  ...plivo,
  ...portainer,
  ...posthog,
  ...postman,
  ...postmark,
  ...privateKey,
  ...pulumi,
  ...pusher,
  ...pushover,
  ...pypi,
  ...qdrant,
  ...railway,
  ...razorpay,
  ...recurly,
  ...render,
  ...replicate,
  ...roboflow,
  ...rocketchat,
  ...rollbar,
  ...rootly,
  ...rubygems,
  ...runpod,
  ...runway,
  ...sambanova,
  ...sanity,
  ...scaleai,
  ...scaleway,
  ...scalingo,
  ...scrutinizerCi,
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
  ...sourcegraph,
  ...sparkpost,
  ...splunk,
  ...square,
  ...stability,
  ...storyblok,
  ...strapi,
  ...stripe,
  ...stytch,
  ...sumoLogic,
  ...supabase,
  ...tailscale,
  ...tavily,
  ...teamcity,
  ...telegram,
  ...tencentCloud,
  ...togetherai,
  ...travisCi,
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
  ...vultr,
  ...wasabi,
  ...weaviate,
  ...webex,
  ...webflow,
  ...weightsandbiases,
  ...wise,
  ...workos,
  ...xai,
  ...xata,
  ...yandex,
  ...zapier,
  ...zendesk,
  ...zilliz,
  ...zoom,
];
