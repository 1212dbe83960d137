package lexicon

// Spanish is the shared table for Spanish.
var Spanish = &Table{
	Days: `lunes martes miércoles jueves viernes sábado domingo`,
	Months: `enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
		noviembre diciembre`,
	Demonyms: `español española españoles españolas francés francesa franceses alemán alemana
		alemanes estadounidense estadounidenses mexicano mexicana mexicanos argentino
		argentinos europeo europea europeos chino chinos rusa ruso británico británica`,
	Stop: `el la los las lo un una unos unas y e o u pero sino ni que quien quienes cual cuales cuyo
		donde cuando como porque pues si no ya muy más menos también tan tanto todo toda todos todas
		de del a al en con sin por para sobre entre hasta desde durante según contra tras ante bajo
		es son era eran fue fueron ha han había habían ser estar está están estaba sido será serán
		se su sus mi mis tu tus nuestro nuestra nuestros nuestras él ella ellos ellas yo nosotros
		usted ustedes le les me te nos este esta estos estas ese esa esos esas aquel aquella esto eso`,
	Titles: `señor señora sr sra don doña presidente presidenta ministro ministra alcalde alcaldesa
		rey reina papa doctor doctora dr profesor profesora general entrenador entrenadora portavoz
		director directora`,
}
