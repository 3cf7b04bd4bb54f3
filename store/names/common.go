package names

// Names that millions bear. A record that gives such a name and no date
// of birth can be any of them: it says which person only beside something
// else (a date, a document, a place). The store's own counts tell a common
// name once the store is large (the resolver's namesakes); these words
// tell it in a store of a few hundred records, as an agency's first loads
// are.

// popularWords are words of the names most common in populations whose
// names are drawn from few words: Vietnamese surnames (Nguyen is two
// Vietnamese in five), their middle names (Van, Thi) and the commonest
// given names, beside the common tokens of every population
// (commonTokens).
var popularWords = map[string]bool{
	"nguyen": true, "tran": true, "le": true, "pham": true, "hoang": true, "huynh": true, "phan": true,
	"vu": true, "vo": true, "dang": true, "bui": true, "do": true, "ho": true, "ngo": true, "duong": true, "ly": true,
	"van": true, "thi": true, "duc": true, "huu": true, "minh": true, "quoc": true, "thanh": true, "xuan": true,
	"hung": true, "nam": true, "dung": true, "hai": true, "tuan": true, "anh": true, "long": true, "son": true,
	"cuong": true, "thang": true, "hoa": true, "lan": true, "huong": true, "linh": true, "mai": true, "binh": true,
	// The commonest surnames and given names of the other populations an
	// agency in Europe meets most, each borne by hundreds of thousands:
	// Romanian (Popescu, Ion), Turkish (Yilmaz, Kaya, Mehmet), Chinese
	// (Wang, Li, Zhang and the given names Wei, Jing, Yang), Ukrainian
	// (Shevchenko, Kovalenko, Oleksandr) and Somali (Abdi, Mohamed).
	"popescu": true, "popa": true, "ionescu": true, "ion": true, "gheorghe": true,
	"yilmaz": true, "kaya": true, "demir": true, "sahin": true, "celik": true, "yildiz": true,
	"mehmet": true, "ahmet": true, "huseyin": true, "emine": true, "fatma": true,
	"yang": true, "huang": true, "zhao": true, "wu": true, "zhou": true, "xu": true, "sun": true,
	"wei": true, "jing": true, "min": true, "jun": true, "jie": true, "yan": true, "ying": true, "hui": true,
	"shevchenko": true, "kovalenko": true, "bondarenko": true, "melnyk": true, "oleksandr": true, "serhiy": true,
	"abdi": true, "mohamud": true,
	// West Africa's Fula, Mande and Wolof names (Mamadou Diallo, Amadou
	// Traoré, Moussa Coulibaly) and Punjab's Sikh given names beside
	// Singh and Kaur (Gurpreet, Harpreet, Paramjit).
	"mamadou": true, "amadou": true, "moussa": true, "ibrahima": true, "ousmane": true, "abdoulaye": true,
	"diallo": true, "traore": true, "coulibaly": true, "diop": true, "ndiaye": true, "sow": true, "keita": true,
	"toure": true, "camara": true, "kaur": true, "gurpreet": true, "harpreet": true, "manpreet": true,
	"jaspreet": true, "paramjit": true, "hardeep": true, "kulwinder": true, "sukhwinder": true,
	// East Africa's: Kenya's Kikuyu and Luo surnames (Kamau, Mwangi,
	// Otieno), Uganda's (Okello, Opio), the Sudanese forms of Uthman and
	// Abdullah, and the Christian given names the region gives most.
	"kamau": true, "mwangi": true, "njoroge": true, "kariuki": true, "otieno": true, "ochieng": true,
	"odhiambo": true, "onyango": true, "omondi": true, "juma": true, "okello": true, "opio": true,
	"ouma": true, "mugisha": true, "osman": true, "othman": true, "uthman": true, "usman": true,
	"abdalla": true, "moses": true, "joseph": true, "samuel": true, "daniel": true,
	// Northern Europe's commonest surnames and given names (Dutch de Jong
	// and Jansen, Swedish -sson, German Müller and Schneider, Polish
	// Nowak and Kowalski, Lithuanian Kazlauskas), and those of the
	// populations its agencies meet most beside the above: Eritrea and
	// Ethiopia (Yonas Tesfay, Abebe Kebede), Afghanistan (Rahimi, Ahmadi)
	// and Nigeria's Igbo and Hausa (Okafor, Musa).
	"dejong": true, "jansen": true, "devries": true, "bakker": true, "visser": true, "jan": true,
	"andersson": true, "johansson": true, "karlsson": true, "nilsson": true, "eriksson": true,
	"larsson": true, "erik": true, "lars": true, "karl": true, "anders": true,
	"mueller": true, "schneider": true, "fischer": true, "weber": true, "meyer": true, "thomas": true,
	"nowak": true, "kowalski": true, "wisniewski": true, "wojcik": true, "piotr": true, "krzysztof": true,
	"kazlauskas": true, "jankauskas": true, "tomas": true,
	"yonas": true, "tesfay": true, "tesfaye": true, "yohannes": true, "haile": true, "berhane": true,
	"abebe": true, "kebede": true, "tadesse": true, "bekele": true, "alemu": true,
	"rahimi": true, "ahmadi": true, "karimi": true, "mohammadi": true, "hussaini": true,
	"okafor": true, "okonkwo": true, "chukwuemeka": true, "musa": true,
	// Southeast Asia's: Indonesia's commonest given names and second
	// names (Budi Santoso, Dedi Kurniawan, Siti Rahayu); Malaysia's Malay
	// spellings (Aisyah, Yusof — its Malays' Arabic names are the Arab
	// world's and South Asia's too, whose sets lost recall when Ismail,
	// Rahman, Aziz, Hamid and Nur were listed here); the Philippines'
	// surnames from the Spanish catalogue (Dela Cruz, Reyes, Santos); and
	// the Hokkien, Teochew, Cantonese and Hakka surnames and syllables of
	// the region's Chinese that are no pinyin syllable (Lim, Ng; Chee
	// Keong, Boon Huat) — Tan, Chan, Ming or Seng would make the
	// mainland's and Vietnam's names common too (Wang Dongming, Nguyen
	// Tan Dung), and those sets lost recall.
	"agus": true, "budi": true, "dedi": true, "eko": true, "hendra": true, "andi": true, "rudi": true,
	"joko": true, "bambang": true, "iwan": true, "yudi": true, "heru": true, "wahyu": true, "asep": true,
	"ujang": true, "adi": true, "dwi": true, "tri": true, "sri": true, "dian": true, "indra": true,
	"arif": true, "hadi": true, "slamet": true, "siti": true, "dewi": true, "putri": true,
	"rina": true, "yuni": true, "wati": true, "ratna": true, "fitri": true, "agung": true,
	"santoso": true, "gunawan": true, "kurniawan": true, "hidayat": true, "setiawan": true, "wijaya": true,
	"prasetyo": true, "saputra": true, "susanto": true, "hartono": true, "nugroho": true, "wibowo": true,
	"purnomo": true, "suryadi": true, "firmansyah": true, "sutrisno": true, "kusuma": true, "rahayu": true,
	"handayani": true, "lestari": true, "permana": true, "pratama": true, "susilo": true, "wahyudi": true,
	"supriyadi": true, "haryanto": true, "hermawan": true,
	"aisyah": true, "aminah": true, "yusof": true, "zainal": true, "rosli": true, "azman": true,
	"cruz": true, "dela": true, "delacruz": true, "reyes": true, "santos": true, "mendoza": true, "torres": true,
	"bautista": true, "ramos": true, "aquino": true, "flores": true, "gonzales": true, "villanueva": true,
	"lim": true, "ng": true, "wong": true, "ong": true, "teo": true, "goh": true, "leong": true,
	"chua": true, "koh": true, "yeo": true, "tay": true,
	"chee": true, "keong": true, "kok": true, "boon": true, "ah": true, "hock": true,
	"siew": true, "beng": true, "soon": true, "huat": true, "eng": true, "swee": true, "kiat": true,
}

// CommonName reports whether every word of n is one of the commonest
// (commonTokens, popularWords): Nguyen Van Hung, Muhammad Abdullah, John
// Smith. A name of one word is not judged here.
func CommonName(n Name) bool {
	if len(n.Tokens) < 2 {
		return false
	}
	for _, t := range n.Tokens {
		if tt := trimParticles(t); !commonWord(t) && (len(tt) < 3 || !commonWord(tt)) {
			// bin Abdullah is read binabdlah: its particle is passed over;
			// but Dong is no particle do before Ng.
			return false
		}
	}
	return true
}

// commonWord reports whether t is among the commonest words of names.
func commonWord(t string) bool {
	_, ok := commonTokens[t]
	return ok || popularWords[t]
}

// regionalWords are the commonest surnames and given names of populations
// whose full names are long: Mexico's, Central America's and Colombia's
// (José Luis Hernández García, María Guadalupe Sánchez, Jesús Torres
// Sánchez) and Brazil's (Ana Maria da Silva). Each word is borne by
// millions, but a name of three or four of them is rarer than any one:
// an undated record of it is still its bearer's more often than not
// (listed among popularWords, such names stopped joining their dated
// records), while two full dates a slip apart beside it are two of the
// namesakes as often as a clerk's slip (PopularName).
var regionalWords = map[string]bool{
	"hernandez": true, "perez": true, "sanchez": true, "ramirez": true, "gomez": true, "morales": true,
	"vazquez": true, "jimenez": true, "diaz": true, "gutierrez": true, "ruiz": true, "aguilar": true,
	"ortiz": true, "moreno": true, "castillo": true, "romero": true, "alvarez": true, "mendez": true,
	"chavez": true, "rivera": true, "juarez": true, "dominguez": true, "herrera": true, "medina": true,
	"castro": true, "vargas": true, "guzman": true, "velazquez": true, "munoz": true, "rojas": true,
	"luis": true, "carlos": true, "jesus": true, "francisco": true, "antonio": true, "miguel": true,
	"javier": true, "manuel": true, "pedro": true, "jorge": true, "alejandro": true, "fernando": true,
	"ricardo": true, "roberto": true, "eduardo": true, "mario": true, "sergio": true, "rafael": true,
	"guadalupe": true, "ana": true, "rosa": true, "carmen": true, "patricia": true, "laura": true,
	"silva": true, "souza": true, "sousa": true, "oliveira": true, "pereira": true, "lima": true,
	"carvalho": true, "ferreira": true, "rodrigues": true, "almeida": true, "costa": true, "gomes": true,
	"martins": true, "ribeiro": true, "santos": true, "joao": true, "paulo": true, "marcos": true,
}

// PopularName reports whether every word of n is one of the commonest,
// the regional lists included (regionalWords): CommonName's names, and
// Jesús Torres Sánchez. A name of one word is not judged here.
func PopularName(n Name) bool {
	if len(n.Tokens) < 2 {
		return false
	}
	popular := func(w string) bool { return len(w) >= 3 && (commonWord(w) || regionalWords[w]) }
	for i, t := range n.Tokens {
		if !popular(t) && !popular(trimParticles(t)) && !popular(n.core(i)) {
			return false // da Silva is read dasilva: its particle is passed over
		}
	}
	return true
}
