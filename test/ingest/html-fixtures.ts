/** Small hand-written news pages for the HTML extraction tests (no external data), and a helper to read them. */
import { extractPage, type SourceRecord } from '../../stages/ingest/records.js';

/** A parsed record with its pending page, if any, extracted (what the pipeline's html step does). */
export function extracted(record: SourceRecord): SourceRecord {
  const outcome = extractPage(record);
  if ('problem' in outcome) throw new Error(outcome.problem.message);
  return outcome.record;
}

const P1 = 'The city council voted on Tuesday to close the old harbour bridge to cars from next spring, ending months of debate about its safety.';
const P2 = 'Engineers told the council that the steel supports had corroded faster than expected and that a full repair would take at least two years.';
const P3 = 'Cyclists and pedestrians will still be allowed to cross, and a ferry service between the two banks will run every fifteen minutes during the works.';
const P4 = 'Shop owners on the north bank said they feared losing customers, while residents welcomed the decision after several minor accidents last winter.';

export const BODY = [P1, P2, 'What happens next', P3, P4];

export const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge to close to cars | The Daily Example</title>
  <meta property="og:site_name" content="The Daily Example">
  <meta property="og:title" content="Harbour bridge to close to cars">
  <link rel="canonical" href="https://www.dailyexample.co.uk/news/harbour-bridge">
  <script>window.dataLayer = [{"page": "article"}];</script>
  <style>.cookie { position: fixed; }</style>
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "name": "The Daily Example"},
    {"@type": "NewsArticle", "headline": "Harbour bridge to close to cars", "datePublished": "2023-03-14T08:30:00+00:00",
     "author": [{"@type": "Person", "name": "Maria Jones"}], "publisher": {"@type": "Organization", "name": "Daily Example Ltd"}}
  ]}
  </script>
</head>
<body>
  <div class="cookie" id="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept all cookies</button></div>
  <header><a href="/">The Daily Example</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Harbour bridge to close to cars</h1>
      <p class="byline">By Maria Jones</p>
      <p>${P1}</p>
      <p>${P2}</p>
      <h2>What happens next</h2>
      <p>${P3}</p>
      <p>${P4}</p>
      <div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
    </article>
    <section id="comments" class="comments">
      <h3>2 Comments</h3>
      <div class="comment"><p>About time! That bridge has been a danger for years.</p></div>
      <div class="comment"><p>What about the buses? Nobody has explained where they will go.</p></div>
      <form><p>Leave a Reply</p><textarea></textarea><button>Post comment</button></form>
    </section>
  </main>
  <aside class="related"><h3>Most read</h3><ul><li><a href="/a">Storm warning for the weekend</a></li><li><a href="/b">Local team wins cup final</a></li></ul></aside>
  <footer><p>© 2023 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a></footer>
</body>
</html>`;

/** Metadata only in meta tags and a <time> element, no JSON-LD. */
export const META_PAGE = `<html><head>
<meta http-equiv="content-language" content="de">
<meta name="author" content="Karl Beispiel">
<meta property="og:url" content="https://beispiel.de/artikel/1">
<title>Neue Brücke eröffnet</title></head>
<body><article><h1>Neue Brücke eröffnet</h1><p>Veröffentlicht am <time datetime="2022-05-02T09:00">2. Mai 2022</time></p>
<p>Die neue Brücke über den Fluss ist am Montag nach drei Jahren Bauzeit für den Verkehr freigegeben worden, wie die Stadt mitteilte.</p>
<p>Nach Angaben der Verwaltung sollen täglich rund zwanzigtausend Fahrzeuge die Brücke nutzen, die den Weg in die Innenstadt deutlich verkürzt.</p>
<p>Die Kosten lagen mit knapp vierzig Millionen Euro etwas über der ursprünglichen Planung, vor allem wegen gestiegener Preise für Stahl und Beton.</p>
</article></body></html>`;

const LEAD = 'Trains between the two cities will run every half hour from June, the operator announced on Monday after a year of trials.';

/** The standfirst sits in a header beside the headline, outside the body's container that readability keeps. */
export const LEAD_PAGE = `<html><head><title>Faster trains from June</title></head><body>
<nav><a href="/">Home</a> <a href="/travel">Travel</a></nav>
<div class="story-header"><h1>Faster trains from June</h1><p>${LEAD}</p><p>By Sam Lee | 3 May 2023</p><p><a href="/share">Share this story</a></p></div>
<div class="story-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p></div>
<footer><p>Copyright 2023 Example Rail News. All rights reserved. No part of this page may be reproduced.</p></footer>
</body></html>`;

export const LEAD_PAGE_BODY = [LEAD, P1, P2, P3, P4];

/** A post shown only to readers without scripts: a script template for the others, a <noscript> copy. */
export const NOSCRIPT_PAGE = `<html><head><title>Bridge works</title></head><body>
<div class="post"><h1>Bridge works</h1><div class="post-body"><script type="text/template"><p>${P1}</p></script>
<noscript><p>${P1}</p><p>${P2}</p><p>${P3}</p></noscript></div></div>
<noscript><div>Please enable JavaScript to see comments.</div></noscript>
</body></html>`;

export const POEM = [
  'The river sleeps beneath the ice,',
  'the willows bow their heads,',
  'the sparrows quarrel over crumbs',
  'on frozen garden beds.',
  'The chimney smoke goes straight and slow,',
  'the lamps come on at four,',
  'and somewhere down the silent road',
  'a neighbour shuts a door.',
];

/** An article without a single prose line (a poem), under a reader's comment that is prose. */
export const POEM_PAGE = `<html><head><title>Winter</title></head><body>
<div class="poem"><h1>Winter</h1><p>${POEM.slice(0, 4).join('<br>')}</p><p>${POEM.slice(4).join('<br>')}</p></div>
<section class="comments"><h3>Comments</h3><div class="comment"><p>This reminds me of the winters at my grandmother's house, when the whole village went quiet after the first snow.</p></div></section>
</body></html>`;

/** Notices a script shows when the story needs them, kept in a <template> above the story. */
const TEMPLATE_NOTICES = [
  'This story is developing, and we are gathering more details, so check back for updates, corrections and new information.',
  'Images in this story may upset some readers, so please take care, and consider whether you wish to continue reading.',
  'This article describes a case still before the courts, and the charges may yet be dropped, so nobody should be presumed guilty.',
];

export const TEMPLATE_PAGE = `<html><head><title>Bridge</title></head><body><main><article class="post">
<template><div class="post-notices">${TEMPLATE_NOTICES.map((n) => `<div class="notice"><p>${n}</p></div>`).join('')}</div></template>
<div class="post-body"><p>${P1}</p><p>${P2}</p></div></article></main></body></html>`;
