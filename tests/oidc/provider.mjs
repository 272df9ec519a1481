// A real OpenID Connect provider (the npm package oidc-provider) for Inzage's tests and demo:
// discovery, JWKS, authorization with PKCE, the token endpoint and signed ID tokens are
// oidc-provider's own. This script only configures it and adds the pages a person logs in on.
//
//   node tests/oidc/provider.mjs '<config as JSON>'
//
// config: {
//   "port": 4000,                          listen on 127.0.0.1:port
//   "issuer": "http://127.0.0.1:4000",
//   "clients": [{ "client_id": "inzage", "client_secret": "…", "redirect_uris": ["…"] }],
//   "accounts": { "margery": { "name": "Margery Gibson", "egovNRN": "48110810264" } },
//   "scopes": { "egovNRN": ["egovNRN"] },  extra scopes and the claims each releases
//   "id_token_ttl": 600,                   seconds
//   "test_controls": false                 true: POST /test/next-token (tests only)
// }
//
// The login page (/interaction/{uid}) offers one button per account and a cancel button; a test
// can post `account=<id>` (or `cancel=1`) to /interaction/{uid}/login itself. Consent is granted
// at once for the configured clients, as for a first-party client.
//
// With test_controls, `POST /test/next-token` (JSON: { "aud": "other", "nonce": "x",
// "unpublished_key": true }) changes the next ID token the token endpoint returns: its audience
// or nonce replaced, or signed with a key the provider's JWKS does not publish (same `kid`). The
// tests use it to check that Inzage refuses such tokens.
//
// Prints `listening <issuer>` on stdout when ready.

import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = process.env.INZAGE_NODE_MODULES
  ?? path.join(here, '..', '..', 'tools', 'node_modules');
const { default: Provider } = await import(
  pathToFileURL(path.join(modules, 'oidc-provider', 'lib', 'index.js')).href
);
const jose = await import(
  pathToFileURL(path.join(modules, 'jose', 'dist', 'webapi', 'index.js')).href
);

const config = JSON.parse(process.argv[2] ?? '{}');
const port = Number(config.port);
const issuer = config.issuer ?? `http://127.0.0.1:${port}`;
const accounts = config.accounts ?? {};
const extraScopes = config.scopes ?? {};

async function signingKey(kid) {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  return { jwk: { ...jwk, kid, alg: 'RS256', use: 'sig' }, privateKey };
}
const published = await signingKey('k1');
// The same kid as the published key, never published itself.
const unpublished = await signingKey('k1');

const claims = { openid: ['sub'], profile: ['name'], ...extraScopes };
const allScopes = Object.keys(claims);

const provider = new Provider(issuer, {
  clients: (config.clients ?? []).map((c) => ({
    client_id: c.client_id,
    client_secret: c.client_secret,
    redirect_uris: c.redirect_uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  jwks: { keys: [published.jwk] },
  cookies: { keys: [Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex')] },
  claims,
  scopes: allScopes,
  // The national number goes into the ID token itself, as the federal service and DigiD do.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  ttl: {
    IdToken: Number(config.id_token_ttl ?? 600),
    AccessToken: 600,
    AuthorizationCode: 60,
    Interaction: 600,
    Session: 3600,
    Grant: 3600,
  },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...account };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const grant = await ctx.oidc.provider.Grant.find(grantId);
      if (grant) return grant;
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(allScopes.join(' '));
    await grant.save();
    return grant;
  },
});

function escape(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(uid, error) {
  const buttons = Object.entries(accounts)
    .map(([id, a]) => `<li><button type="submit" name="account" value="${escape(id)}" id="account-${escape(id)}">${escape(a.name ?? id)}</button></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Demo identity provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem">
<h1>Demo identity provider</h1>
<p>This stands in for the federal login service (eID, itsme) or DigiD. Choose whom to log in as.</p>
${error ? `<p role="alert" style="color: #a00">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<ul style="list-style: none; padding: 0">${buttons}</ul>
<button type="submit" name="cancel" value="1" id="cancel">Cancel</button>
</form></body></html>`;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

let nextToken = null;

provider.use(async (ctx, next) => {
  const interaction = ctx.path.match(/^\/interaction\/([^/]+)(\/login)?$/);
  if (interaction) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET' && !interaction[2]) {
      if (details.prompt.name === 'login') {
        ctx.type = 'html';
        ctx.body = page(details.uid);
        return;
      }
      // Any other prompt (consent): granted, as for a first-party client.
      const grant = new provider.Grant({ clientId: details.params.client_id, accountId: details.session.accountId });
      grant.addOIDCScope(allScopes.join(' '));
      const grantId = await grant.save();
      ctx.respond = false;
      await provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    if (ctx.method === 'POST' && interaction[2]) {
      const form = new URLSearchParams(await readBody(ctx.req));
      ctx.respond = false;
      if (form.get('cancel')) {
        await provider.interactionFinished(ctx.req, ctx.res, {
          error: 'access_denied',
          error_description: 'the person cancelled',
        }, { mergeWithLastSubmission: false });
        return;
      }
      const account = form.get('account') ?? '';
      if (!accounts[account]) {
        ctx.respond = true;
        ctx.status = 400;
        ctx.type = 'html';
        ctx.body = page(details.uid, `No account \`${account}\` here.`);
        return;
      }
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
      return;
    }
  }
  if (config.test_controls && ctx.path === '/test/next-token' && ctx.method === 'POST') {
    nextToken = JSON.parse(await readBody(ctx.req) || '{}');
    ctx.status = 204;
    return;
  }
  await next();
  if (ctx.path === '/token' && ctx.status === 200 && nextToken && ctx.body?.id_token) {
    const change = nextToken;
    nextToken = null;
    const header = jose.decodeProtectedHeader(ctx.body.id_token);
    const payload = jose.decodeJwt(ctx.body.id_token);
    if (change.aud) {
      payload.aud = change.aud;
      payload.azp = change.aud;
    }
    if (change.nonce) payload.nonce = change.nonce;
    const key = change.unpublished_key ? unpublished.privateKey : published.privateKey;
    ctx.body = {
      ...ctx.body,
      id_token: await new jose.SignJWT(payload).setProtectedHeader(header).sign(key),
    };
  }
});

const server = createServer(provider.callback());
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${issuer}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
