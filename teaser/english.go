package teaser

import "github.com/hookline/hookline/teaser/internal/lexicon"

// englishPersonDemonyms name one person of a people: "Scot", "Briton"
// ("Turk" and "Pole" are surnames too, and stay out).
const englishPersonDemonyms = `briton scot swede kurd serb croat englishman scotsman welshman irishman frenchman dutchman`

// english is the table for English, chosen for "en", "en-GB" and for an
// article that does not say its language.
var english = &language{
	consequence: setOf(`could would will may might threaten threatens threatened threat risk risks
		face faces facing warn warns warned warning expected likely means mean urged calls
		jeopardy`),
	consequencePairs: map[[2]string]bool{
		{"first", "time"}: true, {"expected", "to"}: true, {"set", "to"}: true,
	},
	events: setOf(`died dies dead killed kills charged charges signed signs won wins win banned bans
		announced announces fell falls rose rises arrested jailed sentenced convicted approved approves
		rejected rejects launched launches resigned resigns elected voted votes agreed agrees cut cuts
		raised raises closed closes opened opens found discovered released releases admitted denied denies
		ruled rules fined sued ordered confirmed confirms unveiled unveils beat beats lost loses scored
		named appointed sacked quit quits collapsed crashed crash injured hit hits struck strikes
		plans planned plan proposed proposes passed passes blocked blocks seized warned reached
		broke breaks set sets became becomes returned returns acquired bought sold sells
		defeated defeats`),
	sober: setOf(`dead death deaths died dies dying killed killing killings kill kills murder murdered
		murders murderer manslaughter shot shooting shootings stabbed stabbing gunman gunmen bomb bombing
		bombs explosion blast attack attacks attacked terror terrorist terrorism rape raped sexual abuse
		abused assault assaulted victim victims injured injuries wounded casualties fatal crash crashes
		collapse drowned funeral grief mourning suicide overdose court trial jailed jail prison sentenced
		convicted guilty charged accused arrested custody police inquest coroner hostage kidnapped
		war massacre genocide famine earthquake flood floods hurricane tsunami wildfire disaster cancer
		disease outbreak epidemic paedophile child-abuse harassment racist racially depression depressed
		anxiety dementia illness addiction`),
	references: setOf(`he she it they we i you his her its their this these those such both another
		him them that again then thereafter`),
	firstPerson:  setOf(`i i'm i've i'd me my we we're we've our us`),
	limits:       setOf(`but although though however except unless yet whereas despite`),
	cutUnsafe:    setOf(`who whom whose which where when while whilst according saying adding that`),
	trailing:     setOf(`who whom whose which`),
	background:   setOf(`earlier previously formerly originally initially ago once`),
	pastOpeners:  setOf(`since back earlier`),
	months:       bothSetOf(lexicon.English.Months),
	ahead:        setOf(`will would shall plans plan planned expected due set`),
	periods:      setOf(`year month week season summer winter spring autumn decade`),
	relativeDays: setOf(`yesterday today tonight`),
	weekdays:     setOf(lexicon.English.Days),
	hedges:       setOf(`allegedly alleged alleges reportedly purportedly supposedly accused rumoured rumored`),
	dayParts:     setOf(`morning afternoon evening night`),
	auxiliaries: setOf(`is are was were be been being has have had will would can could may might shall
		should must do does did won't can't isn't aren't wasn't weren't hasn't haven't hadn't`),
	boilerplate: []string{"media playback", "follow ", "read more", "read a full", "read the full", "click here", "all rights reserved",
		"sign up", "subscribe", "share this", "image copyright", "image caption", "getty images",
		"photo by", "photo:", "picture:", "pictured:", "caption:", "advertisement", "check out", "re \"", "re “", "re:",
		"here's ", "here’s ", "here is ", "here are "},
	// fragmentOpeners open a subordinate clause: with no comma after it,
	// the sentence has no main clause ("Because the agency is proposing
	// …").
	fragmentOpeners: setOf(`because although though whereas unless`),
	// limiters before a subordinator ("At least until …", "Even if …",
	// "Only when …") make any of these open a clause alone.
	limiters:       []string{"at least", "even", "only", "just", "not even"},
	limitedOpeners: setOf(`until if when before after because though as unless`),
	pointers:       setOf(`the this these those such`),
	strongPointers: setOf(`these such`),
	comparatives:   setOf(`than`),
	// The parties are anaphoric too: see anaphoric.
	anaphoric: foldedSetOf(`project study research report survey findings scheme plan proposal bill measure
		changes move decision pledge deal agreement contract case trial incident attack crash collision
		accident fire blaze explosion heist raid robbery theft event festival trip visit tour match game
		fixture film movie book album series documentary app device product service facility site building
		property bridge route area vehicle van lorry animal creature dog puppy campaign letter petition
		video footage painting idea policy ban`),
	parties: foldedSetOf(`man woman boy girl child baby teenager pair couple duo trio victim suspect driver
		rider player striker midfielder defender goalkeeper keeper forward winger boxer singer actor actress
		star artist team side squad club company firm group organisation organization charity`),
	// people are the anonymous parties a lead may introduce afresh ("A
	// 47-year-old woman …") and happenings the events ("a crash"); an
	// organisation ("the club") or a role ("the striker", "the
	// 31-year-old") means one the article named, and no "a" says which.
	people: foldedSetOf(`man woman boy girl child baby teenager pair couple victim suspect pilot passenger
		cyclist pedestrian motorcyclist walker climber swimmer pupil patient pensioner resident`),
	happenings:        foldedSetOf(`incident attack crash collision accident fire blaze explosion raid robbery theft shooting stabbing`),
	naming:            setOf(`named identified`),
	describing:        setOf(`new first last other same own`),
	complements:       setOf(`of to who whom whose that which`),
	placePrepositions: setOf(`in at near from on outside`),
	perfectAux:        setOf(`had`),
	participles: setOf(`been gone done made taken given seen known begun won lost left held paid said told sold
		built brought bought caught fought taught thought found kept led met put read run set shut spent
		struck hit hurt cut`),
	attribution: setOf(`said says say suggest suggests suggested believe believes believed argue argues
	argued warn warns warned note notes noted claim claims claimed report reports reported think thinks thought
	insist insists insisted stress stresses stressed explain explains explained add adds added told tell tells
	confirmed confirm confirms announced announce announces reveal reveals revealed estimate estimates estimated
	predict predicts predicted fear fears feared hope hopes hoped acknowledged admitted admit admits wrote
	according found finds showed shows concluded concludes discovered discovers`),
	pronounOpeners: setOf(`he she they it we i you his her their its this these those there`),
	possessives:    setOf(`his her their its`),
	gluedOpeners: setOf(`the a an it its he she they his her their this these those there in on at for when after
		as with if while although but some more one rather despite because during`),
	gradeNouns: setOf(`class grade category plan type group vitamin section division level tier part page row block
		series exhibit`),
	titles: setOf(`mr mrs ms miss dr sir dame lord lady president leader minister chief coach
	manager captain skipper prime secretary chancellor king queen prince princess pope senator
	governor mayor judge director chairman chairwoman chair ceo spokesman spokeswoman professor
	prof general officer inspector sergeant detective boss singer actor actress star player
	striker midfielder defender goalkeeper keeper forward winger scrum-half fly-half full-back
	chef author writer rapper presenter mp mep councillor rev reverend bishop archbishop cardinal
	sheikh emperor colonel lieutenant commander founder owner artist musician comedian driver
	rider boxer champion athlete cyclist golfer batsman bowler jockey trainer rev. dr. mr. mrs.
	husband wife son daughter father mother brother sister man woman boy girl teenager pensioner
	victim suspect paedophile murderer defendant candidate speaker lawyer doctor nurse teacher
	pilot soldier pupil student farmer businessman businesswoman footballer cricketer
	blogger auctioneer designer photographer columnist correspondent editor analyst economist
	researcher scientist physicist historian attorney solicitor barrister campaigner activist
	entrepreneur investor curator architect stylist
	maj gen lt col capt sgt cpl brig adm cmdr insp supt det pc`),
	verdicts: setOf(`jailed sentenced convicted acquitted guilty fined imprisoned`),
	proxies: setOf(`spokesman spokeswoman spokesperson lawyer attorney counsel solicitor barrister advocate
	prosecutor representative agent`),
	units:   setOf(`mbps gbps kbps mph kph kmh km kg mw gw kw kwh mwh ghz mhz ppm`),
	streets: setOf(`road street avenue lane crescent terrace gardens grove`),
	honorifics: map[string]string{"mr": "he", "mr.": "he", "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she",
		"miss": "she", "mx": "", "mx.": ""},
	gendered: map[string]string{"he": "he", "him": "he", "his": "he", "himself": "he",
		"she": "she", "her": "she", "hers": "she", "herself": "she"},
	placeOrg: setOf(`city town village county borough district region province state states island
	islands street road avenue lane park square bridge river lake sea ocean mountain mount valley
	forest wood airport station port harbour harbor bay coast university college school academy
	hospital council ministry department office agency commission committee authority service
	services police army navy force forces party government parliament assembly senate congress
	court club united fc association federation league union society trust fund bank company
	group corporation corp inc ltd plc limited foundation institute museum gallery theatre
	theater church cathedral centre center hall house palace castle stadium arena news times post
	channel network media records studios airlines airways rail railway railways motors energy
	health games olympics cup championship tour rovers wanderers athletic albion rangers celtic
	city's windmill mill tower farm market street's republic kingdom empire agency board
	prison jail zoo reserve estate hotel restaurant cafe pub shop store brand festival awards
	council's government's`),
	places: bothSetOf(`afghanistan africa albania algeria america americas antarctica argentina
	armenia asia australia austria azerbaijan bahrain bangladesh belarus belgium bolivia bosnia
	brazil britain bulgaria burma cambodia cameroon canada chile china colombia congo croatia cuba
	cyprus czechia denmark ecuador egypt england estonia ethiopia eu europe finland france gaza
	georgia germany ghana greece haiti hungary iceland india indonesia iran iraq ireland israel
	italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait latvia lebanon libya lithuania
	luxembourg malaysia mali malta mexico moldova mongolia montenegro morocco myanmar nato nepal
	netherlands nigeria norway oman pakistan palestine panama peru philippines poland portugal
	qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain
	sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda uk ukraine un
	uruguay us usa venezuela vietnam wales yemen zambia zimbabwe london paris washington moscow
	beijing brussels berlin tokyo kremlin whitehall westminster`),
	personAfter: setOf(`said says told added explained admitted insisted
	tweeted wrote recalled`),
	personPronouns:      setOf(`he she his her him himself herself`),
	subjectPronouns:     setOf(`he she it they we`),
	personDemonyms:      setOf(englishPersonDemonyms),
	compass:             setOf(`western eastern northern southern`),
	titleArticles:       setOf(`a an the`),
	indefinites:         setOf(`a an`),
	verbEndings:         []string{"s", "ed"},
	nounEndings:         []string{"ss", "us", "is"},
	nameStops:           setOf(`new`),
	timePrepositions:    setOf(`during by later`),
	timeDeterminers:     setOf(`the that`),
	relativeDeterminers: setOf(`that`),
	relativeMarkers:     setOf(`same next following`),
	timeNouns:           setOf(`day time weekend`),
	numberWords:         bothSetOf(`two three four five six seven eight nine ten eleven twelve twenty dozens hundreds thousands`),
	pluralPronouns:      setOf(`they them their themselves`),
	peoples:             wordSet(lexicon.English.Demonyms, englishPersonDemonyms, `jew jews`),
	outlets:             setOf(`afp ap reuters upi bbc cnn pa bloomberg xinhua itv sky abc nbc cbs`),
	asides:              []string{"along with", "as well as", "together with"},
	captions: []string{" (pictured)", " (pictured left)", " (pictured right)", " (left)", " (right)", " (centre)",
		" (center)", " (above)", " (below)", " (top)", " (bottom)", ", at right,", ", at left,", ", pictured,",
		", pictured left,", ", pictured right,", " (Click to enlarge)", " [Click to enlarge]", " Click to enlarge",
		" (click to enlarge)", " click to enlarge", " Click image to enlarge"},
	listJoiners: setOf(`and or`),
	calendar: bothSetOf(lexicon.English.Days, lexicon.English.Months, `christmas easter
	mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
	gmt bst utc cet cest est edt cst cdt pst pdt am pm`),
	nameJoiners: setOf(`of de del der van von da al bin la le`),
	subjectEnders: setOf(`in of at on for from between with near across along will would has have had is
	are was were could can may might should must`),
	connectives: setOf(`however meanwhile concurrently moreover furthermore additionally also indeed
	nevertheless nonetheless still instead overall separately similarly likewise consequently thus therefore
	hence notably importantly crucially ultimately finally now but and so yet plus besides otherwise
	accordingly regardless specifically interestingly surprisingly then`),
	connectivePhrases: []string{"as a result", "in addition", "in fact", "of course", "at the same time",
		"despite this", "on the other hand", "for example", "for instance", "in turn", "by contrast",
		"in contrast", "in particular", "in a statement", "in response", "in short", "in other words",
		"even so", "after all", "above all", "as such", "to that end", "that said", "beyond that",
		"either way", "in any case", "in any event", "all the same"},
	leadingConjunctions: setOf("but and so yet also plus"),
	comparisonOpeners: []string{"worse still", "better still", "worse yet", "better yet", "even worse",
		"even better", "even more", "more importantly", "most importantly", "more interesting", "more significantly", "what's more", "what’s more", "to make matters worse", "on top of that", "not only that"},
	enumerators:   setOf(`first firstly second secondly third thirdly fourth fourthly fifth lastly`),
	objectOpeners: setOf(`something anything everything nothing what whatever whom`),
	proVerbs: []string{"do so", "did so", "does so", "doing so", "done so", "follow suit", "followed suit",
		"follows suit", "following suit"},
	referenceOpeners: setOf(`since after before despite`),
	clauseOpeners: setOf(`which who while whilst with as and but although though after before amid despite
	including where when because since so meaning leaving prompting sparking making according adding saying
	following amid amidst whereas until unless`),
	notNameOpeners:   setOf(`every each another several many most outside inside beyond`),
	prepositionsInG:  setOf(`including during following according regarding concerning excluding notwithstanding`),
	dayAnchors:       setOf(`of for until till from since than as to by before after`),
	dayModifiers:     setOf(`earlier just only`),
	present:          setOf(`this`),
	previous:         setOf(`last`),
	yearPrepositions: setOf(`in since from`),
	complementizers:  setOf(`that whether`),
	situational:      setOf(`it this`),
	another:          setOf(`another`),
	demonymEndings:   []string{"ean", "ese", "ish", "ian", "can", "ani", "eli", "yan"},
	stop: setOf(`a about above after again against all also am an and any are
	aren't as at be because been before being below between both but by can can't cannot could
	couldn't did didn't do doe does doesn't doing don't down during each few for from further had
	hadn't ha has hasn't have haven't having he he'd he'll her here here' hers herself him himself
	his how i i'd i'll i'm i've if in into is isn't it it' its itself just let me more most mustn't my
	myself no nor not now of off on once only or other ought our ours ourselves out over own same
	shan't she she'd she'll should shouldn't so some such than that the their theirs them
	themselves then there these they they'd they'll they're they've thi this those through to too
	under until up very wa was wasn't we we'd we'll we're we've were weren't what when where which
	while who whom why will with won't would wouldn't you you'd you'll you're you've your yours
	yourself yourselves said say says mr mrs ms one two also year new like get got may might must
	many much even still however well back way since last first told added another`),
}
