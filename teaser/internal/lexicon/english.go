package lexicon

// English is the shared table for English.
var English = &Table{
	Days: `monday tuesday wednesday thursday friday saturday sunday`,
	Months: `january february march april may june july august september october november
		december`,
	Demonyms: `afghan african albanian algerian american angolan arab arabian argentine argentinian armenian
asian australian austrian azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian
brazilian british bulgarian burmese cambodian cameroonian canadian chilean chinese colombian
congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati english
eritrean estonian ethiopian european filipino finnish french georgian german ghanaian greek
guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli
italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz
laotian latvian lebanese liberian libyan lithuanian malaysian malian maltese mexican moldovan
mongolian moroccan mozambican namibian nepali nepalese nicaraguan nigerian nigerien norwegian
omani pakistani palestinian panamanian paraguayan persian peruvian polish portuguese qatari
romanian russian rwandan saudi scottish senegalese serbian singaporean slovak slovenian somali
spanish sudanese swedish swiss syrian taiwanese tajik tanzanian thai tibetan tunisian turkish
turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
latin african-american hispanic christian muslim jewish catholic protestant hindu buddhist
sunni shia shiite islamic lankan`,
}
