/**
 * The detector catalogue: every provider family file, in one list. Adding a family is one import
 * and one line here (keep both alphabetical).
 * @module
 */
import type { Detector } from '../engine/types.js';
import age from './age.js';
import ai21 from './ai21.js';
import airtable from './airtable.js';
import algolia from './algolia.js';
import alibaba from './alibaba.js';
import anthropic from './anthropic.js';
import anyscale from './anyscale.js';
import assemblyai from './assemblyai.js';
import atlassian from './atlassian.js';
import aws from './aws.js';
import azure from './azure.js';
import baseten from './baseten.js';
import basicAuthUrl from './basic-auth-url.js';
import braintrust from './braintrust.js';
import browserbase from './browserbase.js';
import buildkite from './buildkite.js';
import cartesia from './cartesia.js';
import cerebras from './cerebras.js';
import chroma from './chroma.js';
import circleci from './circleci.js';
import clarifai from './clarifai.js';
import clearml from './clearml.js';
import cloudflare from './cloudflare.js';
import cohere from './cohere.js';
import comet from './comet.js';
import connectionString from './connection-string.js';
import contentful from './contentful.js';
import crates from './crates.js';
import curl from './curl.js';
import dagshub from './dagshub.js';
import databricks from './databricks.js';
import datadog from './datadog.js';
import deepgram from './deepgram.js';
import deepl from './deepl.js';
import deepseek from './deepseek.js';
import digitalocean from './digitalocean.js';
import discord from './discord.js';
import docker from './docker.js';
import doppler from './doppler.js';
import dropbox from './dropbox.js';
import dynatrace from './dynatrace.js';
import e2b from './e2b.js';
import elastic from './elastic.js';
import elevenlabs from './elevenlabs.js';
import facebook from './facebook.js';
import figma from './figma.js';
import firecrawl from './firecrawl.js';
import fireworks from './fireworks.js';
import fly from './fly.js';
import generic from './generic.js';
import github from './github.js';
import gitlab from './gitlab.js';
import google from './google.js';
import grafana from './grafana.js';
import groq from './groq.js';
import hashicorp from './hashicorp.js';
import helicone from './helicone.js';
import heroku from './heroku.js';
import hubspot from './hubspot.js';
import huggingface from './huggingface.js';
import humanloop from './humanloop.js';
import ibm from './ibm.js';
import jfrog from './jfrog.js';
import jina from './jina.js';
import jwt from './jwt.js';
import lambda from './lambda.js';
import langfuse from './langfuse.js';
import langsmith from './langsmith.js';
import launchdarkly from './launchdarkly.js';
import linear from './linear.js';
import linode from './linode.js';
import llamaindex from './llamaindex.js';
import logfire from './logfire.js';
import mailchimp from './mailchimp.js';
import mailgun from './mailgun.js';
import mapbox from './mapbox.js';
import meilisearch from './meilisearch.js';
import mem0 from './mem0.js';
import microsoftTeams from './microsoft-teams.js';
import mistral from './mistral.js';
import modal from './modal.js';
import moonshot from './moonshot.js';
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
import paypal from './paypal.js';
import perplexity from './perplexity.js';
import pinecone from './pinecone.js';
import planetscale from './planetscale.js';
import postman from './postman.js';
import privateKey from './private-key.js';
import pulumi from './pulumi.js';
import pypi from './pypi.js';
import qdrant from './qdrant.js';
import replicate from './replicate.js';
import roboflow from './roboflow.js';
import rubygems from './rubygems.js';
import runpod from './runpod.js';
import runway from './runway.js';
import sambanova from './sambanova.js';
import scaleai from './scaleai.js';
import scaleway from './scaleway.js';
import sendgrid from './sendgrid.js';
import sentry from './sentry.js';
import shopify from './shopify.js';
import slack from './slack.js';
import snyk from './snyk.js';
import sonarqube from './sonarqube.js';
import square from './square.js';
import stability from './stability.js';
import stripe from './stripe.js';
import supabase from './supabase.js';
import tailscale from './tailscale.js';
import tavily from './tavily.js';
import telegram from './telegram.js';
import togetherai from './togetherai.js';
import turbopuffer from './turbopuffer.js';
import twilio from './twilio.js';
import twitter from './twitter.js';
import typeform from './typeform.js';
import typesense from './typesense.js';
import vercel from './vercel.js';
import voiceflow from './voiceflow.js';
import voyage from './voyage.js';
import weaviate from './weaviate.js';
import weightsandbiases from './weightsandbiases.js';
import xai from './xai.js';
import zilliz from './zilliz.js';

export const DETECTORS: readonly Detector[] = [
  ...age,
  ...ai21,
  ...airtable,
  ...algolia,
  ...alibaba,
  ...anthropic,
  ...anyscale,
  ...assemblyai,
  ...atlassian,
  ...aws,
  ...azure,
  ...baseten,
  ...basicAuthUrl,
  ...braintrust,
  ...browserbase,
  ...buildkite,
  ...cartesia,
  ...cerebras,
  ...chroma,
  ...circleci,
  ...clarifai,
  ...clearml,
  ...cloudflare,
  ...cohere,
  ...comet,
  ...connectionString,
  ...contentful,
  ...crates,
  ...curl,
  ...dagshub,
  ...databricks,
  ...datadog,
  ...deepgram,
  ...deepl,
  ...deepseek,
  ...digitalocean,
  ...discord,
  ...docker,
  ...doppler,
  ...dropbox,
  ...dynatrace,
  ...e2b,
  ...elastic,
  ...elevenlabs,
  ...facebook,
  ...figma,
  ...firecrawl,
  ...fireworks,
  ...fly,
  ...generic,
  ...github,
  ...gitlab,
  ...google,
  ...grafana,
  ...groq,
  ...hashicorp,
  ...helicone,
  ...heroku,
  ...hubspot,
  ...huggingface,
  ...humanloop,
  ...ibm,
  ...jfrog,
  ...jina,
  ...jwt,
  ...lambda,
  ...langfuse,
  ...langsmith,
  ...launchdarkly,
  ...linear,
  ...linode,
  ...llamaindex,
  ...logfire,
  ...mailchimp,
  ...mailgun,
  ...mapbox,
  ...meilisearch,
  ...mem0,
  ...microsoftTeams,
  ...mistral,
  ...modal,
  ...moonshot,
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
  ...paypal,
  ...perplexity,
  ...pinecone,
  ...planetscale,
  ...postman,
  ...privateKey,
  ...pulumi,
  ...pypi,
  ...qdrant,
  ...replicate,
  ...roboflow,
  ...rubygems,
  ...runpod,
  ...runway,
  ...sambanova,
  ...scaleai,
  ...scaleway,
  ...sendgrid,
  ...sentry,
  ...shopify,
  ...slack,
  ...snyk,
  ...sonarqube,
  ...square,
  ...stability,
  ...stripe,
  ...supabase,
  ...tailscale,
  ...tavily,
  ...telegram,
  ...togetherai,
  ...turbopuffer,
  ...twilio,
  ...twitter,
  ...typeform,
  ...typesense,
  ...vercel,
  ...voiceflow,
  ...voyage,
  ...weaviate,
  ...weightsandbiases,
  ...xai,
  ...zilliz,
];
