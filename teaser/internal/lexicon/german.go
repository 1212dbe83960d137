package lexicon

// German is the shared table for German.
var German = &Table{
	Days: `montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag`,
	Months: `januar jänner februar märz april mai juni juli august september oktober november
		dezember`,
	Demonyms: `deutsche deutscher deutschen österreicher österreicherin schweizer franzose franzosen
		französin spanier spanierin italiener italienerin amerikaner amerikanerin briten russen
		chinesen europäer europäerin`,
	Stop: `der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn
		weil dass daß ob wenn als wie auch nur noch schon sehr so zu zum zur im in ins am an auf aus
		bei mit nach von vom vor über unter um für gegen ohne durch bis seit während ich du er sie es
		wir ihr ihm ihn ihnen sein seine seiner seinen seinem ihre ihrer ihren ihrem unser unsere
		mein dein man sich nicht kein keine keinen ist sind war waren wird werden wurde wurden hat
		haben hatte hatten gewesen worden kann können soll sollen muss müssen will wollen dies diese
		dieser dieses diesen welche welcher welches hier dort da dann jetzt sagte sagt sagten mehr
		viel viele alle allen jeder jede jedes etwa laut neue neuen neuer`,
	Titles: `herr frau dr prof präsident präsidentin bundeskanzler bundeskanzlerin kanzler kanzlerin
		minister ministerin bundesminister bundesministerin bürgermeister bürgermeisterin trainer
		chef chefin sprecher sprecherin papst könig königin direktor direktorin`,
}
