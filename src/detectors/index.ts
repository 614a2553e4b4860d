/**
 * The detector catalogue: every provider family file, in one list. Adding a family is one import
 * and one line here (keep both alphabetical).
 * @module
 */
import type { Detector } from '../engine/types.js';
import age from './age.js';
import airtable from './airtable.js';
import akamai from './akamai.js';
import alibaba from './alibaba.js';
import anthropic from './anthropic.js';
import atlassian from './atlassian.js';
import aws from './aws.js';
import axiom from './axiom.js';
import azure from './azure.js';
import backblaze from './backblaze.js';
import basicAuthUrl from './basic-auth-url.js';
import betterStack from './better-stack.js';
import bugsnag from './bugsnag.js';
import buildkite from './buildkite.js';
import checkly from './checkly.js';
import circleci from './circleci.js';
import clojars from './clojars.js';
import cloudflare from './cloudflare.js';
import cloudinary from './cloudinary.js';
import cloudsmith from './cloudsmith.js';
import codacy from './codacy.js';
import codeclimate from './codeclimate.js';
import codecov from './codecov.js';
import codemagic from './codemagic.js';
import connectionString from './connection-string.js';
import contentful from './contentful.js';
import coralogix from './coralogix.js';
import coveralls from './coveralls.js';
import crates from './crates.js';
import curl from './curl.js';
import cypress from './cypress.js';
import databricks from './databricks.js';
import datadog from './datadog.js';
import deno from './deno.js';
import digitalocean from './digitalocean.js';
import discord from './discord.js';
import docker from './docker.js';
import doppler from './doppler.js';
import droneCi from './drone-ci.js';
import dropbox from './dropbox.js';
import dynatrace from './dynatrace.js';
import elasticApm from './elastic-apm.js';
import exoscale from './exoscale.js';
import facebook from './facebook.js';
import fastly from './fastly.js';
import figma from './figma.js';
import fly from './fly.js';
import fossa from './fossa.js';
import generic from './generic.js';
import gitea from './gitea.js';
import github from './github.js';
import gitlab from './gitlab.js';
import google from './google.js';
import gradle from './gradle.js';
import grafana from './grafana.js';
import groq from './groq.js';
import harness from './harness.js';
import hashicorp from './hashicorp.js';
import heroku from './heroku.js';
import hetzner from './hetzner.js';
import hex from './hex.js';
import honeycomb from './honeycomb.js';
import huaweiCloud from './huawei-cloud.js';
import hubspot from './hubspot.js';
import huggingface from './huggingface.js';
import ibm from './ibm.js';
import infracost from './infracost.js';
import instana from './instana.js';
import jenkins from './jenkins.js';
import jfrog from './jfrog.js';
import jwt from './jwt.js';
import knapsackPro from './knapsack-pro.js';
import launchdarkly from './launchdarkly.js';
import linear from './linear.js';
import linode from './linode.js';
import loggly from './loggly.js';
import logzio from './logzio.js';
import mailchimp from './mailchimp.js';
import mailgun from './mailgun.js';
import mapbox from './mapbox.js';
import mezmo from './mezmo.js';
import microsoftTeams from './microsoft-teams.js';
import netlify from './netlify.js';
import newrelic from './newrelic.js';
import ngrok from './ngrok.js';
import notion from './notion.js';
import npm from './npm.js';
import nuget from './nuget.js';
import octopusDeploy from './octopus-deploy.js';
import okta from './okta.js';
import openai from './openai.js';
import openshift from './openshift.js';
import opsgenie from './opsgenie.js';
import packagecloud from './packagecloud.js';
import packagist from './packagist.js';
import pagerduty from './pagerduty.js';
import papertrail from './papertrail.js';
import paypal from './paypal.js';
import perplexity from './perplexity.js';
import planetscale from './planetscale.js';
import portainer from './portainer.js';
import postman from './postman.js';
import privateKey from './private-key.js';
import pulumi from './pulumi.js';
import pypi from './pypi.js';
import railway from './railway.js';
import render from './render.js';
import replicate from './replicate.js';
import rollbar from './rollbar.js';
import rootly from './rootly.js';
import rubygems from './rubygems.js';
import scaleway from './scaleway.js';
import scalingo from './scalingo.js';
import scrutinizerCi from './scrutinizer-ci.js';
import sendgrid from './sendgrid.js';
import sentry from './sentry.js';
import shopify from './shopify.js';
import slack from './slack.js';
import snyk from './snyk.js';
import sonarqube from './sonarqube.js';
import sourcegraph from './sourcegraph.js';
import splunk from './splunk.js';
import square from './square.js';
import stripe from './stripe.js';
import sumoLogic from './sumo-logic.js';
import supabase from './supabase.js';
import tailscale from './tailscale.js';
import teamcity from './teamcity.js';
import telegram from './telegram.js';
import tencentCloud from './tencent-cloud.js';
import travisCi from './travis-ci.js';
import twilio from './twilio.js';
import twitter from './twitter.js';
import typeform from './typeform.js';
import vercel from './vercel.js';
import vultr from './vultr.js';
import wasabi from './wasabi.js';
import xai from './xai.js';
import yandex from './yandex.js';

export const DETECTORS: readonly Detector[] = [
  ...age,
  ...airtable,
  ...akamai,
  ...alibaba,
  ...anthropic,
  ...atlassian,
  ...aws,
  ...axiom,
  ...azure,
  ...backblaze,
  ...basicAuthUrl,
  ...betterStack,
  ...bugsnag,
  ...buildkite,
  ...checkly,
  ...circleci,
  ...clojars,
  ...cloudflare,
  ...cloudinary,
  ...cloudsmith,
  ...codacy,
  ...codeclimate,
  ...codecov,
  ...codemagic,
  ...connectionString,
  ...contentful,
  ...coralogix,
  ...coveralls,
  ...crates,
  ...curl,
  ...cypress,
  ...databricks,
  ...datadog,
  ...deno,
  ...digitalocean,
  ...discord,
  ...docker,
  ...doppler,
  ...droneCi,
  ...dropbox,
  ...dynatrace,
  ...elasticApm,
  ...exoscale,
  ...facebook,
  ...fastly,
  ...figma,
  ...fly,
  ...fossa,
  ...generic,
  ...gitea,
  ...github,
  ...gitlab,
  ...google,
  ...gradle,
  ...grafana,
  ...groq,
  ...harness,
  ...hashicorp,
  ...heroku,
  ...hetzner,
  ...hex,
  ...honeycomb,
  ...huaweiCloud,
  ...hubspot,
  ...huggingface,
  ...ibm,
  ...infracost,
  ...instana,
  ...jenkins,
  ...jfrog,
  ...jwt,
  ...knapsackPro,
  ...launchdarkly,
  ...linear,
  ...linode,
  ...loggly,
  ...logzio,
  ...mailchimp,
  ...mailgun,
  ...mapbox,
  ...mezmo,
  ...microsoftTeams,
  ...netlify,
  ...newrelic,
  ...ngrok,
  ...notion,
  ...npm,
  ...nuget,
  ...octopusDeploy,
  ...okta,
  ...openai,
  ...openshift,
  ...opsgenie,
  ...packagecloud,
  ...packagist,
  ...pagerduty,
  ...papertrail,
  ...paypal,
  ...perplexity,
  ...planetscale,
  ...portainer,
  ...postman,
  ...privateKey,
  ...pulumi,
  ...pypi,
  ...railway,
  ...render,
  ...replicate,
  ...rollbar,
  ...rootly,
  ...rubygems,
  ...scaleway,
  ...scalingo,
  ...scrutinizerCi,
  ...sendgrid,
  ...sentry,
  ...shopify,
  ...slack,
  ...snyk,
  ...sonarqube,
  ...sourcegraph,
  ...splunk,
  ...square,
  ...stripe,
  ...sumoLogic,
  ...supabase,
  ...tailscale,
  ...teamcity,
  ...telegram,
  ...tencentCloud,
  ...travisCi,
  ...twilio,
  ...twitter,
  ...typeform,
  ...vercel,
  ...vultr,
  ...wasabi,
  ...xai,
  ...yandex,
];
