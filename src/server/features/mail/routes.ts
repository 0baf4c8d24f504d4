import { mailApi } from '../../../shared/routes/mail.js';
import { ctx, type App } from '../../core/http.js';
import { hit } from '../../core/limits.js';
import { route } from '../../core/route.js';
import { withPermission } from '../../core/permissions.js';
import { getMail, getMailPreferences, listMails, retryMail, unsubscribeWith, updateMailPreferences } from './service.js';

const MINUTE = 60_000;
/** Unsubscribes per IP address per minute (one-click and the page together). */
export const UNSUBSCRIBES_PER_IP_PER_MINUTE = 30;

const limitUnsubscribe = (app: App, ip: string) =>
  hit(app.db, `unsubscribe-ip:${ip}`, UNSUBSCRIBES_PER_IP_PER_MINUTE, MINUTE, 'Too many unsubscribe requests from this address. Please wait a minute.');

/** Your mail preferences, unsubscribing, and the outbox (admins). */
export function mailRoutes(app: App): void {
  const { db, config } = app;

  route(app, mailApi.getMailPreferences, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return getMailPreferences(scope, actor, config);
  });

  route(app, mailApi.updateMailPreferences, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return updateMailPreferences(scope, actor, config, req.body);
  });

  // The token is the proof, in the body (out of logs); no session needed.
  route(app, mailApi.unsubscribeMail, { permission: 'public' }, async (req) => {
    await limitUnsubscribe(app, req.ip);
    return unsubscribeWith(db, req.body.token);
  });

  route(app, mailApi.listMails, { permission: { role: 'admin' } }, async (req) => listMails(ctx(req).scope, config, req.query));
  route(app, mailApi.getMail, { permission: { role: 'admin' } }, async (req) => getMail(ctx(req).scope, config, req.params.id, `${req.protocol}://${req.host}`));
  route(app, mailApi.retryMail, { permission: { role: 'admin' } }, async (req) => {
    const { scope, actor } = ctx(req);
    return retryMail(scope, actor, config, req.params.id);
  });
}

/**
 * RFC 8058 one-click: mail apps POST `List-Unsubscribe=One-Click` (form-encoded or multipart) to the
 * address in the List-Unsubscribe header, `/unsubscribe/<token>` — the same address a person opens
 * in a browser (GET serves the app's confirmation page). Such a POST comes from the mail provider,
 * not from our web app: no Origin, no JSON, so this one route is exempt from those checks (the
 * signed token is all it trusts), takes any body and ignores it, and is rate-limited per address.
 */
export async function registerOneClickUnsubscribe(app: App): Promise<void> {
  await app.register(async (oneClick) => {
    withPermission(oneClick as unknown as App, 'public');
    oneClick.removeAllContentTypeParsers();
    oneClick.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, _body, done) => done(null, undefined));
    oneClick.post<{ Params: { token: string } }>(
      '/unsubscribe/:token',
      { schema: { hide: true }, config: { permission: 'public', oneClick: true, secretParams: ['token'] } },
      async (req, reply) => {
        await limitUnsubscribe(oneClick as unknown as App, req.ip);
        const done = await unsubscribeWith(oneClick.db, req.params.token);
        return reply
          .code(200)
          .type('text/plain; charset=utf-8')
          .send(`Unsubscribed: ${done.stopped}${done.address ? ` (${done.address})` : ''}. You can choose your emails again in Advance's settings.\n`);
      },
    );
  });
}
