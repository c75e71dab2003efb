/**
 * Page metadata from an HTML document: title, author, publication date, canonical URL, site name
 * and language. Sources, first found wins: JSON-LD (NewsArticle and kin), OpenGraph / article:*
 * meta tags, other common meta names (Dublin Core, parsely, sailthru), then the markup itself
 * (`<time datetime>`, `<title>`, `<html lang>`).
 */
import { normalizeDate } from './records.js';

export interface PageMeta {
  title: string | null;
  author: string | null;
  /** YYYY-MM-DD. */
  published_at: string | null;
  url: string | null;
  site: string | null;
  /** BCP 47 tag as declared, lower case with '-', e.g. `en`, `en-gb`. */
  lang: string | null;
}

type Json = Record<string, unknown>;

// Minimal DOM surface used here (linkedom's Document satisfies it).
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface Doc {
  querySelectorAll(selector: string): ArrayLike<El>;
  querySelector(selector: string): El | null;
  documentElement: El | null;
}

export function pageMeta(document: Doc): PageMeta {
  const meta = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = clean(m.getAttribute('content'));
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const ld = jsonLdArticle(document);
  const first = (...keys: string[]) => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v) return v;
    }
    return null;
  };

  const title = clean(str(ld?.headline)) ?? first('og:title', 'twitter:title', 'dc.title', 'title', 'sailthru.title', 'parsely-title') ?? clean(document.querySelector('title')?.textContent ?? null);

  let author = ldAuthor(ld?.author) ?? first('author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author', 'twitter:creator');
  if (author && /^https?:\/\//i.test(author)) author = null;
  if (author) author = author.replace(/^by\s+/i, '');

  let published: string | null = null;
  for (const raw of [str(ld?.datePublished), first('article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published'), timeElement(document), str(ld?.dateCreated)]) {
    if (raw) published = normalizeDate(raw);
    if (published) break;
  }

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const url = absoluteUrl(clean(canonical)) ?? absoluteUrl(first('og:url', 'twitter:url')) ?? absoluteUrl(clean(str(ld?.url)));

  const publisher = ld?.publisher as Json | undefined;
  let site = first('og:site_name', 'application-name', 'twitter:site:name') ?? clean(str(publisher?.name));
  if (!site && url) site = new URL(url).hostname.replace(/^www\./, '');

  const rawLang = clean(document.documentElement?.getAttribute('lang') ?? null) ?? clean(document.documentElement?.getAttribute('xml:lang') ?? null) ?? first('content-language', 'og:locale', 'language', 'dc.language') ?? clean(str(ld?.inLanguage));
  const lang = rawLang && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(rawLang) ? rawLang.replace(/_/g, '-').toLowerCase() : null;

  return { title, author, published_at: published, url, site, lang };
}

function jsonLdArticle(document: Doc): Json | null {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  const candidates: Json[] = [];
  for (let i = 0; i < scripts.length; i++) {
    let value: unknown;
    try {
      value = JSON.parse((scripts[i]!.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    collect(value, candidates);
  }
  const isArticle = (o: Json) => {
    const type = o['@type'];
    const types = Array.isArray(type) ? type : [type];
    return types.some((t) => typeof t === 'string' && /Article|BlogPosting|Report|NewsArticle|WebPage|LiveBlogPosting/i.test(t));
  };
  return candidates.find((o) => isArticle(o) && !/WebPage/i.test(String(o['@type']))) ?? candidates.find(isArticle) ?? null;
}

function collect(value: unknown, out: Json[]): void {
  if (Array.isArray(value)) value.forEach((v) => collect(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Json;
    if (o['@type']) out.push(o);
    if (o['@graph']) collect(o['@graph'], out);
    if (o.mainEntity && typeof o.mainEntity === 'object') collect(o.mainEntity, out);
  }
}

function ldAuthor(author: unknown): string | null {
  if (!author) return null;
  if (typeof author === 'string') return clean(author);
  if (Array.isArray(author)) {
    const names = author.map(ldAuthor).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (typeof author === 'object') return clean(str((author as Json).name));
  return null;
}

function timeElement(document: Doc): string | null {
  const time = document.querySelector('time[datetime][pubdate]') ?? document.querySelector('time[itemprop="datePublished"]') ?? document.querySelector('time[datetime]');
  return clean(time?.getAttribute('datetime') ?? null);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function clean(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

function absoluteUrl(value: string | null): string | null {
  if (!value || !/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value).toString();
  } catch {
    return null;
  }
}
