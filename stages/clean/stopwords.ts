/**
 * Function-word lists for the line classifier's stop-word density (jusText's key feature: body
 * prose is ~30–50 % function words, menus and link lists almost none). Compact lists of the most
 * frequent function words per language; the document's language is the list with most hits.
 */

const LISTS: Record<string, string> = {
  en: `a about above after again against all also am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in
into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself also said says would could its it's don't i'm
we're they're he's she's that's there's isn't wasn't aren't didn't doesn't can't won't one two like even still many much may might
must shall upon across among around since though although yet however within without`,
  de: `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei bin bis bist da
damit dann das dass daß dein deine dem den denn der des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch
ein eine einem einen einer eines einig einige er es etwas euer eure für gegen gewesen hab habe haben hat hatte hatten hier hin hinter
ich ihm ihn ihnen ihr ihre im in indem ins ist jede jedem jeden jeder jedes jene jetzt kann kein keine können könnte machen man
manche mein meine mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine selbst sich sie sind so solche
soll sollte sondern sonst über um und uns unser unter viel vom von vor wann war waren warum was weg weil weiter welche wenn wer werde
werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen schon immer mehr sei seit wurde wurden`,
  fr: `au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes moi mon ne nos notre nous on ou
par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l à m n s t y été être avoir est sont était
ont a plus aussi comme cette fait peut tout tous bien sans entre après sous où donc alors`,
  es: `a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era
es esa esas ese eso esos esta estaba estas este esto estos fue fueron ha hay la las le les lo los más me mi muy nada ni no nos o os
otra otros para pero poco por porque que quien se ser si sido sin sobre son su sus también tanto te tiene todo todos tu un una uno
unos y ya`,
  it: `a ad al alla alle allo anche che chi ci come con da dal dalla dei del della delle dello di e ed è gli ha hanno il in io la le
lei lo loro lui ma mi ne nei nel nella non o per più quale quando questa questo se si sia sono su sua sue suo tra un una uno vi`,
  nl: `aan al als bij dan dat de der deze die dit doch door dus een en er ge geen had heb hebben heeft het hier hij hoe hun ik in is ja
je kan kon maar me meer men met mij mijn na naar niet nog nu of om omdat ook op over te tegen toe tot u uit van veel voor want was wat
we wel werd wie wij wordt zal ze zei zich zij zijn zo zou`,
  pt: `a ao aos as com como da das de do dos e ela elas ele eles em entre era essa esse esta este eu foi for há isso isto já lhe mais
mas me mesmo muito na nas nem no nos não o os ou para pela pelo por qual quando que quem se sem ser seu sua são também te tem um uma
você`,
  ru: `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из
ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут
где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой
совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над
больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой
им более всегда конечно всю между это также`,
  pl: `a aby ale albo ani aż bardzo bez bo by był była były było być będzie będą co coś czy czyli dla do dlatego gdy gdyż gdzie go
ich ile im ja jak jako jakie jaki jednak jego jej jest jestem jeszcze jeśli już ją kiedy kto która które który których którym
którzy lub ma mają mi między mnie mogą może można mu my na nad nam nas nawet nic nie niż nich nim o od oraz po pod ponieważ przed
przez przy się sobie są ta tak także tam te tego tej ten też to tu tych tylko tym u w we więc wszystko z za ze że żeby`,
};

export const STOPWORDS: Record<string, ReadonlySet<string>> = Object.fromEntries(Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(/\s+/).filter(Boolean))]));

export const LANGUAGES: readonly string[] = Object.keys(LISTS);

/** Token → bit mask of the languages whose list holds it (bit i = LANGUAGES[i]). */
export const STOP_MASK: ReadonlyMap<string, number> = (() => {
  const masks = new Map<string, number>();
  LANGUAGES.forEach((lang, i) => {
    for (const word of STOPWORDS[lang]!) masks.set(word, (masks.get(word) ?? 0) | (1 << i));
  });
  return masks;
})();
