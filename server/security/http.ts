import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config.js';
import { sendHttpError } from '../shared/http-errors.js';

/**
 * Security headers on every response. The admin is served from this origin, so its own scripts,
 * styles (MUI injects <style> tags, hence 'unsafe-inline' for styles only) and data: images are allowed;
 * nothing else loads, nothing frames the app.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS pins browsers to HTTPS: only meaningful where production serves HTTPS.
    strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * A request still unanswered after the limit gets a JSON 503 instead of holding a connection forever.
 * The work behind it may still finish; its response is simply dropped. Multipart requests (evidence
 * uploads) get their own, longer limit: 20 MB over a weak mobile link is minutes of honest work.
 */
export function requestTimeout(ms: number, uploadMs = ms): RequestHandler {
  return (req, res, next) => {
    const limit = req.is('multipart/form-data') ? uploadMs : ms;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      sendHttpError(res, 503, 'REQUEST_TIMEOUT', 'Yêu cầu xử lý quá lâu, đã bị dừng. Hãy thử lại sau.');
      // The late answer of the handler still running must not throw "headers already sent".
      res.setHeader = (() => res) as never;
      res.writeHead = (() => res) as never;
      res.write = (() => true) as never;
      res.end = (() => res) as never;
    }, limit);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    req.once('error', clear);
    next();
  };
}
