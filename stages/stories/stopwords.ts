/** English function words and news filler that carry no event: never story terms. */
export const STOPWORDS = (
  'the and for that with was were are has have had not but his her its their they them this these those from ' +
  'who whom which what when where why how all any both each few more most other some such only own same than too very ' +
  'can will just should now also into onto over under after before about above below between through during out off ' +
  'again further then once here there our ours you your yours she him hers himself herself itself themselves ' +
  'would could might must shall may been being does did doing said says say told tell according year years ' +
  'new one two three first last time times people like get got make made many much well back even still way ' +
  'while because since until another around against among within without however although though whether ' +
  'mr mrs ms per cent percent week weeks day days month months today yesterday tomorrow monday tuesday wednesday ' +
  'thursday friday saturday sunday january february march april june july august september october november december ' +
  'news report reported reports image images photo getty caption copyright rights reserved click share read'
).split(' ');
