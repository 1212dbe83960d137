package teaser

import "github.com/hookline/hookline/teaser/internal/lexicon"

// spanish is the table for Spanish. It has no hook or question patterns: a
// Spanish article gets the plain-news form, cleaned by the lists below.
var spanish = &language{
	plain:    true,
	stop:     wordSet(lexicon.Spanish.Stop),
	calendar: wordSet(lexicon.Spanish.Days, lexicon.Spanish.Months, `navidad pascua`),
	titles:   wordSet(lexicon.Spanish.Titles),
	demonyms: wordSet(lexicon.Spanish.Demonyms),
	attribution: wordSet(`dijo dice dijeron afirmó afirma declaró explicó señaló aseguró indicó anunció
		añadió según advirtió confirmó`),
	references:     wordSet(`él ella ellos ellas esto esta este estos estas eso esa ese`),
	pronounOpeners: wordSet(`él ella ellos ellas esto eso`),
	firstPerson:    wordSet(`yo nosotros nosotras mi mis nuestro nuestra`),
	limits:         wordSet(`pero aunque excepto salvo sino`),
	background:     wordSet(`anteriormente previamente antaño inicialmente`),
	places: wordSet(`españa francia alemania italia portugal europa américa méxico argentina colombia chile
		perú china rusia ucrania madrid barcelona sevilla valencia bogotá lima ue otan onu`),
	placeOrg: wordSet(`ciudad municipio provincia región partido gobierno ministerio congreso senado
		tribunal policía universidad escuela banco grupo fundación museo teatro iglesia`),
	nameJoiners: wordSet(`de del la los las y`),
}
