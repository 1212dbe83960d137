package teaser

import (
	"slices"
	"testing"

	"github.com/hookline/hookline/article"
)

func TestHashtags(t *testing.T) {
	tests := []struct {
		name     string
		title    string
		text     string
		keywords []string
		n        int
		want     []string
	}{
		{name: "names the article comes back to, whole",
			text: "Ann Marsh signed a deal with the theatre on Friday. Marsh said the play would close after six months. Critics praised Marsh for the last act.",
			n:    3, want: []string{"#AnnMarsh"}},
		{name: "explicit keywords first, in the author's order",
			text:     "Ferries will run on batteries in Oslo from May. The Oslo operator said batteries cut costs.",
			keywords: []string{"ferries", "public transport"}, n: 3,
			want: []string{"#Ferries", "#PublicTransport", "#Oslo"}},
		{name: "no common word, adjective, demonym or day",
			text: "The Chinese government said on Monday the museum was significant. The museum opened on Monday. Chinese visitors queued at the museum.",
			n:    3, want: nil},
		{name: "a piece of a longer name is not a tag",
			text: "She won a stall at the Harbour Town Arts and Crafts Fair in April. The Harbour Town Arts and Crafts Fair takes place every year.",
			n:    3, want: nil},
		{name: "a name after a capitalised stop word is a piece of it",
			text: "Fans in Harbour Town and in New Harbin cheered the parade on Monday. Police in New Harbin closed the streets. Dana Kole said New Harbin had never seen it.",
			n:    3, want: nil},
		{name: "a dateline is not a tag",
			text: "Kells, Port Dunland - The aquarium's grey seal escaped on Monday, keepers said. Kells, Port Dunland - The aquarium's grey seal was found on a beach on Tuesday, keepers said.",
			n:    3, want: nil},
		{name: "a title inside a run starts the name",
			text: "Harbin Mayor Jo Vale condemned the plan. Harbin Mayor Jo Vale said the city would not forget.",
			n:    3, want: []string{"#JoVale"}},
		{name: "a demonym in the plural is not a tag",
			text: "Thousands of Malaysians queued for hours on Sunday to see the Penang fireworks. Police said Malaysians from every state came to Penang. Officials thanked the Malaysians who came.",
			n:    3, want: []string{"#Penang"}},
		{name: "a subhead run into the text is not part of a name",
			text: "The Herons beat the Kites 97-90 on Friday, coach Dana Kole said. Late runs Every Heron played at least ten minutes as the Herons pulled away. Dana Kole said the Herons rest on Monday.",
			n:    3, want: []string{"#DanaKole"}},
		{name: "a describing compound is not a name",
			text: "Members of the Labour-led Harbour Council narrowly passed a parking plan on Friday. Critics said the Labour-led Harbour Council acted alone. Leader Dana Kole praised the vote, and Dana Kole thanked members.",
			n:    3, want: []string{"#DanaKole"}},
		{name: "a name after \"of the\" inside a longer one is not a tag",
			text: "Police raided the Church of the Silver Dawn in Harbin on Monday. Members of the Church of the Silver Dawn were held in Harbin. Harbin officials said the Church of the Silver Dawn was banned.",
			n:    3, want: []string{"#Harbin"}},
		{name: "a people alone is not a tag",
			text: "The Irish blocked roads in Dublin on Monday. Protests by the Irish in Dublin went on for hours. Police thanked the Irish in Dublin.",
			n:    3, want: []string{"#Dublin"}},
		{name: "a word cut at its number is not a tag",
			text: "Harbin ordered new Class 5 ferries on Monday. Harbin officials said Class 5 ferries cost the city millions. Class 5 crews in Harbin trained.",
			n:    3, want: []string{"#Harbin"}},
		{name: "a compass word alone is not a tag",
			text: "The government rejected the Western offer on Friday. Officials said Western ferries would not dock.",
			n:    3, want: nil},
		{name: "a word the article also writes in lower case is not a tag",
			text: "Harbin said Birth rates fell on Monday. Officials in Harbin said Birth rates had fallen for a decade, and birth rates in Kells too.",
			n:    3, want: nil},
		{name: "a piece of a title is not a tag",
			text: "Critics in Harbin loved Sailing the Dunmore, due in May. Harbin cinemas will show Sailing the Dunmore twice a day. Fans saw Sailing the Dunmore in Harbin.",
			n:    3, want: []string{"#Harbin"}},
		{name: "a place run into a person's name is no tag",
			text: "The mayor of Harbin Jo Vale opened the pier on Monday. Jo Vale said Harbin had waited years. Harbin officials thanked Jo Vale.",
			n:    3, want: []string{"#JoVale"}},
		{name: "a name ending in a demonym is an adjective",
			text: "Leaders of West African states met in Harbin on Friday. West African leaders said Harbin was safe. Police in Harbin guarded the West African delegates.",
			n:    3, want: []string{"#Harbin"}},
		{name: "a news agency credit is not a tag",
			text: "Floods closed the Harbin airport on Monday (AFP). AFP said Harbin had 300 mm of rain. Harbin officials told AFP the airport would reopen.",
			n:    3, want: []string{"#Harbin"}},
		{name: "an initial for a first name is not a tag",
			text: "D Marsh scored twice as Harbour Town won on Saturday. D Marsh said Harbour Town deserved it. Harbour Town fans cheered D Marsh.",
			n:    3, want: []string{"#HarbourTown"}},
		{name: "an acronym of another tag says it twice",
			text: "Early Bird Radio moved to a new studio on Monday. Early Bird Radio hosts said EBR would air live. EBR fans filled the street outside the studio.",
			n:    3, want: []string{"#EarlyBirdRadio"}},
		{name: "an acronym of another tag with its article left out",
			text: "The Quiet Room was hit by a cyber attack on Sunday. Users of TQR could not log in for hours, and TQR said the Quiet Room had its own backups. Police said TQR and the Quiet Room staff would be interviewed.",
			n:    3, want: []string{"#QuietRoom"}},
		{name: "a time zone is not a tag",
			text: "The final starts at 14:00 BST on Sunday at Wembley. Tickets for the 14:00 BST start sold out at Wembley. Wembley staff expect 90,000 fans.",
			n:    3, want: []string{"#Wembley"}},
		{name: "two people joined by and are two names, not one",
			text: "Dana Kole and Tom Reed were jailed in Harbin on Monday. Kole was jailed for 19 months and Reed for 16 months. Kole had admitted the thefts.",
			n:    3, want: []string{"#DanaKole", "#TomReed"}},
		{name: "a plural people before a name is not part of it",
			text: "Fellow Canadians Dana Kole and Tom Reed both made the final in Harbin. Kole won in Harbin on Monday, and Kole said Reed would win next year.",
			n:    3, want: []string{"#DanaKole", "#Harbin"}},
		{name: "one person of a people before a name describes it",
			text: "The Harbin Open went to Scot Dana Kole on Sunday. Kole beat Tom Reed in the final, and Kole said the Harbin Open was her best week. Kole flies home on Monday.",
			n:    3, want: []string{"#HarbinOpen", "#DanaKole"}},
		{name: "a stop word opening a sentence still opens a name",
			text: "New Harbin Times editors said on Monday that the paper would close. New Harbin Times staff were told by Dana Kole, and Dana Kole said sorry.",
			n:    3, want: []string{"#DanaKole"}},
		{name: "a number opening a sentence is not part of a name",
			text: "Seven Liberals opposed the Harbin plan on Wednesday. Seven Liberals said the Harbin plan cost too much, and Dana Kole said Dana Kole would try again.",
			n:    3, want: []string{"#DanaKole"}},
		{name: "a number inside a name written mid-sentence stays",
			text: "England beat Wales in the Six Nations on Saturday. The Six Nations title is now England's to lose, coach Dana Kole said.",
			n:    3, want: []string{"#SixNations", "#England"}},
		{name: "a description after an indefinite article is not a tag",
			text: "The pier will close, said Jo Vale, a Dunmore Liberal. Tom Reed, a Dunmore Liberal, agreed. Jo Vale said Harbin would pay.",
			n:    3, want: []string{"#JoVale"}},
		{name: "a word shouted in capitals is not a name",
			text: "Dana Kole wrote on NOFERRYFORKELLS that the pier was wrong. Readers of NOFERRYFORKELLS agreed, and Dana Kole thanked NOFERRYFORKELLS.",
			n:    3, want: []string{"#DanaKole"}},
		{name: "at most n", title: "Kim Jong Un meets Xi Jinping",
			text: "Kim Jong Un is heading to Beijing. Kim Jong Un will meet Xi Jinping there. Xi Jinping hosts a parade in Beijing.",
			n:    1, want: []string{"#KimJongUn"}},
		{name: "a second name told only further down is another story's",
			text: "Dana Kole opened the Harbin ferry on Monday. Dana Kole said the ferry was late. The ferry carries cars. It sails at dawn. Fares are low. Crews are happy. Dana Kole thanked the crews. In other news, fans cheered as Kells Town won the cup. Fans of Kells Town will march on Friday.",
			n:    3, want: []string{"#DanaKole"}},
		{name: "a name told further down that the headline gives is the story's", title: "Dana Kole cheers Kells Town",
			text: "Dana Kole opened the Harbin ferry on Monday. Dana Kole said the ferry was late. The ferry carries cars. It sails at dawn. Fares are low. Crews are happy. Dana Kole thanked the crews. In other news, fans cheered as Kells Town won the cup. Fans of Kells Town will march on Friday.",
			n:    3, want: []string{"#DanaKole", "#KellsTown"}},
		{name: "a common noun's letters are no name",
			text: "Voters in Harbin elected 30 MPs and banned the SUV on Monday. The new MPs meet in Harbin on Friday. Reformist MPs said two SUVs were seized. The SUV ban starts in May.",
			n:    3, want: []string{"#Harbin"}},
		{name: "a holiday written with an s is no tag",
			text: "Shoppers in Harbin queued on the eve of Christmas. Sales over Christmas rose in Harbin, and Christmas trees sold out.",
			n:    3, want: []string{"#Harbin"}},
		{name: "the headline, posted as the news, leads the tags", title: "Kells Town sign a new striker",
			text: "Harbour Rovers fans were stunned on Monday. Harbour Rovers lost their striker to Kells Town. Harbour Rovers said they would appeal. Harbour Rovers fans sang.",
			n:    3, want: []string{"#KellsTown", "#HarbourRovers"}},
		{name: "a wire's or a page's furniture is no tag",
			text: "Harbour Bank (HRB.N: Quote, Profile, Ferry Buzz) sold bonds on Monday. Harbour Bank said demand was high. Watch Ferry Report. Kells Bank (KLB.N: Quote, Profile, Ferry Buzz) bought them. Watch Ferry Report.",
			n:    3, want: []string{"#HarbourBank"}},
		{name: "a name in brackets after a role is a mention",
			text: "A ferry captain (Jo Vale) saved ten lives on Monday. The captain (Jo Vale) was honoured by the harbour board.",
			n:    3, want: []string{"#JoVale"}},
		{name: "an outlet's programme or desk is a source",
			text: "The Harbin ferry will close, its owner Dana Kole told BBC Radio Harbin. Dana Kole said BBC Radio Harbin had asked first. Dana Kole left.",
			n:    3, want: []string{"#DanaKole"}},
		{name: "a rank's abbreviation starts the name after it",
			text: "Maj Gen Ann Vale took 400 prisoners at Harbin. Maj Gen Ann Vale set up a hospital there.",
			n:    3, want: []string{"#AnnVale"}},
		{name: "a role opening the sentence is no part of the name",
			text: "Blogger Ann Vale of Harbin shares the harbour's style scoop. Blogger Ann Vale says ferries are back in fashion.",
			n:    3, want: []string{"#AnnVale"}},
		{name: "a unit is no tag",
			text: "Harbin ferries averaged download speeds of 8.3 Mbps and upload speeds of 4.47 Mbps. Kells ferries, on the other hand, clocked in at 1.19 Mbps down and .39 Mbps up.",
			n:    3, want: nil},
		{name: "an address is no tag",
			text: "Jo Vale, 38, of Mill Road, Kells, admitted fraud on Monday. Police had searched a flat on Mill Road. Jo Vale will be sentenced in May.",
			n:    3, want: []string{"#JoVale"}},
		{name: "an institution named by its address speaks",
			text: "Ferry Street said the plan would go ahead on Monday. Ferry Street had opposed it before.",
			n:    3, want: []string{"#FerryStreet"}},
		{name: "someone else's voice is no tag",
			text: "Jo Vale, 38, admitted fraud at Kells on Monday. Defence counsel Tom Reed said Jo Vale had repaid the money. Mr Reed said she was sorry. Jo Vale will be sentenced in May.",
			n:    3, want: []string{"#JoVale"}},
		{name: "nor is a spokesman's, in apposition",
			text: "Jo Vale, 38, admitted fraud at Kells on Monday. Tom Reed, a spokesman for the ferry company, said Jo Vale had repaid the money. Mr Reed said she was sorry. Jo Vale will be sentenced in May.",
			n:    3, want: []string{"#JoVale"}},
		{name: "a name before a clause about a lawyer is tagged",
			text: "Jo Vale, 38, admitted fraud at Kells on Monday. Tom Reed, who sacked his lawyer, said Jo Vale had repaid the money. Mr Reed said she was sorry. Jo Vale will be sentenced in May.",
			n:    3, want: []string{"#JoVale", "#TomReed"}},
		{name: "a contact line is no part of the story",
			text: "Jo Vale, 38, admitted fraud at Kells on Monday. Jo Vale will be sentenced in May. To contact the reporter on this story: Tom Reed in Harbin at treed@kellsnews.com. To contact the editor: Ann Marsh in Harbin at amarsh@kellsnews.com",
			n:    3, want: []string{"#JoVale"}},
		{name: "at most two names",
			text: "Kim Jong Un is heading to Beijing. Kim Jong Un will meet Xi Jinping there. Xi Jinping hosts Vladimir Putin in Beijing. Vladimir Putin arrives on Monday.",
			n:    3, want: []string{"#KimJongUn", "#VladimirPutin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Title: tt.title, Paragraphs: []string{tt.text}, Keywords: tt.keywords}
			got := Hashtags(a, tt.n)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Hashtags = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDescribed: a name is a description only when an indefinite article
// comes before it and it ends the phrase.
func TestDescribed(t *testing.T) {
	for text, want := range map[string]bool{
		"Jo Vale, a Dunmore Liberal, spoke. Tom Reed is a Dunmore Liberal.": true,
		"Jo Vale, a Dunmore Liberal, spoke. The Dunmore Liberal group met.": false,
		"Police hunt two men after a Dunmore Liberal rally on Monday.":      false,
		"Dunmore Liberal members met on Monday.":                            false,
	} {
		d := newDocument(&article.Article{Paragraphs: []string{text}})
		if got := d.described("Dunmore Liberal"); got != want {
			t.Errorf("described in %q = %v, want %v", text, got, want)
		}
		d.release()
	}
}

// TestCutBeforeJoiner: a name written only inside longer ones, or only
// before "of" and another name, is a piece of a name.
func TestCutBeforeJoiner(t *testing.T) {
	for text, want := range map[string]bool{
		"Jo Vale of Kells State University met Ann Marsh of State University of New Harbin.": true,
		"Jo Vale of State University of Kells met Tom Reed.":                                 true,
		"Jo Vale of Kells State University said State University staff were paid late.":      false,
		"Jo Vale of State University of the Arts met Tom Reed.":                              false,
		"Jo Vale of State University and Harbin College met Tom Reed.":                       false,
		"Jo Vale of Kells State University met Tom Reed of Harbin State University.":         false,
	} {
		d := newDocument(&article.Article{Paragraphs: []string{text}})
		if got := d.cutBeforeJoiner("State University"); got != want {
			t.Errorf("cutBeforeJoiner(State University) in %q = %v, want %v", text, got, want)
		}
		if want && d.taggable("State University", english.words("State University")) {
			t.Errorf("taggable(State University) in %q: a piece of a name", text)
		}
		d.release()
	}
}

// TestHasEmail: an address, not a handle or a lone "@".
func TestHasEmail(t *testing.T) {
	for s, want := range map[string]bool{
		"Contact Jo Vale at jvale@kellsnews.com for details.": true,
		"Write to jvale@kells.co.uk.":                         true,
		"Follow @kellsnews on X for updates.":                 false,
		"Tickets cost £5 @ the door.":                         false,
		"Mail jvale@localhost now.":                           false,
	} {
		if got := hasEmail(s); got != want {
			t.Errorf("hasEmail(%q) = %v, want %v", s, got, want)
		}
	}
}
