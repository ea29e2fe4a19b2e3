import { readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';

/** Hashed file names change with their content, so a browser may keep them for good. */
const FOREVER = 'public, max-age=31536000, immutable';
/** The page that names the current hashed files: always asked again, answered 304 when unchanged. */
const REVALIDATE = 'no-cache';

/** Precompressed variants the build wrote beside each file, best first. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}/${entry.name}`) : [`${prefix}/${entry.name}`],
  );
}

export interface StaticFilesOptions {
  /** URL prefix (within the mount) of the content-hashed files, e.g. "/assets/". */
  hashedPrefix: string;
  /** The page served for client-side routes. */
  indexFile: string;
}

function cacheControl(urlPath: string, { hashedPrefix }: StaticFilesOptions): string {
  return urlPath.startsWith(hashedPrefix) ? FOREVER : REVALIDATE;
}

/**
 * A built single-page app: each file as the `.br` or `.gz` the build made when the browser accepts it,
 * else as is; hashed files cached for a year, everything else revalidated. Which variants exist is read
 * once at start; a file built since is still served, uncompressed until the next start.
 */
export function staticFiles(root: string, options: StaticFilesOptions): { files: RequestHandler; page: RequestHandler } {
  const present = new Set(filesUnder(root));

  const sendBest = (req: Request, res: Response, urlPath: string, fallback: () => void) => {
    res.setHeader('Cache-Control', cacheControl(urlPath, options));
    const variant = VARIANTS.find((v) => present.has(urlPath + v.suffix) && req.acceptsEncodings(v.encoding) === v.encoding);
    if (!variant) return fallback();
    res.vary('Accept-Encoding');
    res.setHeader('Content-Encoding', variant.encoding);
    res.type(path.extname(urlPath));
    res.sendFile(urlPath + variant.suffix, { root, dotfiles: 'deny' }, (error) => {
      // Gone since start-up (a rebuild): the plain file, or the 404 that follows, decides.
      if (error && !res.headersSent) {
        res.removeHeader('Content-Encoding');
        fallback();
      }
    });
  };

  // Every file the plain way, for what has no variant; headers per path, set before `send` sets its own.
  const plain = express.static(root, {
    index: false,
    setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControl(`/${path.relative(root, file).split(path.sep).join('/')}`, options)),
  });

  const files: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A hashed file that is not there is an old page asking for its old chunks: a 404, never the page.
    const orElse = () => plain(req, res, req.path.startsWith(options.hashedPrefix) ? () => res.sendStatus(404) : next);
    if (present.has(req.path)) sendBest(req, res, req.path, orElse);
    else orElse();
  };

  const indexPath = `/${options.indexFile}`;
  const page: RequestHandler = (req, res, next) => {
    sendBest(req, res, indexPath, () => {
      res.sendFile(options.indexFile, { root, cacheControl: false }, (error) => error && next(error));
    });
  };

  return { files, page };
}
