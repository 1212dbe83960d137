package lexicon

// French is the shared table for French.
var French = &Table{
	Days: `lundi mardi mercredi jeudi vendredi samedi dimanche`,
	Months: `janvier février mars avril mai juin juillet août septembre octobre novembre
		décembre`,
	Demonyms: `français française françaises allemand allemande allemands allemandes anglais anglaise
		espagnol espagnole espagnols américain américaine américains européen européenne européens
		italien italienne italiens chinois russe russes belge belges suisse suisses`,
	Stop: `le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont où
		ce cet cette ces son sa ses leur leurs mon ma mes notre nos votre vos il elle ils elles on je
		tu nous vous se s ne n pas plus ni est sont était étaient a ont avait avaient été être avoir
		sera seront fait dans sur sous par pour avec sans entre vers chez selon depuis pendant avant
		après comme aussi très tout tous toute toutes y en lui eux même déjà encore`,
	Titles: `m mme mlle monsieur madame président présidente ministre maire docteur dr professeur
		pape roi reine prince princesse général entraîneur porte-parole directeur directrice`,
}
