package resolve

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/vigie/vigie/store"
)

// IndexVersion names the index keys this version of vigie gives a record.
// It goes up whenever indexKeys, or a reading of names that keys depend
// on, gives records other keys: a store indexed before then lacks keys its
// lookups ask for until `vigie reindex` is run (see Reindex).
//
//   - 1: the keys of the sessions before 2026-12-03 (stores without a
//     version written hold these or older ones)
//   - 2: each word of a name with the year of birth (y/), 2026-12-03
//   - 3: a name written with carons or in Cyrillic (Ražnatović,
//     Ражнатовић) keyed without them too (Raznatovic), 2026-12-03
//   - 4: Georgian letters in the national romanisation (ფარცხალაძე is
//     partskhaladze, not parcxaladze), the Korean surname Chong keyed as
//     Jung, Md. before a name read as Muhammad, Bengali's ৌ as ou
//     (চৌধুরী choudhuri), al-Din glued as -eldine (Nureldine), more
//     Lithuanian endings (Michailas, Olegas) and short forms (Christy,
//     Dessie, Lello, Iñaki) and عز read as Izz, 2026-12-03 (session 24)
//   - 5: European given names keyed by their name in every language that
//     writes it (Guillermo, Wilhelm as William; László, Władysław as
//     Vladislav: names/data/european.txt), and ten more East Slavic names
//     with their Belarusian forms (Valiantsin as Valentin), and Hebrew's
//     doubled yod before a vowel letter read y (הנייה heniye), Russian
//     forms of Arabic given names (Махмуд makhmud keyed as Mahmud),
//     Belarusian ў inside a word ending in -ou (Raukou keyed as Ravkov),
//     Russian Дж keyed as the Serbian Đ (Джуканович as Djukanovic),
//     Azerbaijani ə and Kazakh ә read a (they were dropped: Əliyev keyed
//     as liyev), Uyghur's letters in Arabic script read (also dropped),
//     عزت read izzat and more Arabic given names' forms, a father's name
//     with oğlu, qızı keyed as a patronymic (heydar oglu as heydarovich),
//     Shim / Sim a Korean surname,
//     2026-12-03 (session 25)
//   - 6: a foreign name in Chinese characters keyed also as Spanish's j
//     (哈维尔 as Javier) and as a z (扎 zha: 卡尔扎伊 as Karzai),
//     2026-12-04 (session 26)
//   - 7: Thai read as it is said (สมชาย somchai, not smchay) and letter by
//     letter too; Daw, Bdr., Mg, Jn, Ma., Moh. and St read as the names
//     they stand for or dropped, a Kyrgyz uulu last as the surname, an
//     Uzbek x inside a word keyed as kh too, 2026-12-04 (session 27; the
//     last two were added to version 7 within the session, before any
//     store outside its tests was indexed with it)
//   - 8: Myanmar syllables the table lacks read by rule (တေဇ tay za,
//     not go-unidecode's tte j), a foreign name in Chinese characters
//     keyed with its w as a b too (诺沃亚 as Noboa), a Japanese name in
//     Hangul read as a transcription (기시다 후미오), Qari and Mufti
//     dropped as titles, Hong Kong's Kim, Cho, Dik, Lam, Mung, Hui read
//     as the characters they stand for, Persian's final ی of Musa, Isa,
//     Yahya read as their a, Gaafar as Jafar, Valeri as Valeriy,
//     2026-12-04 (session 28)
//   - 9: names in Dhu al- (Dhu al-Himma, Zoulhima, Zulfiqar) keyed as one
//     word, dhulhimma; သီရိ read together as Thiri, and Pyae, Pye
//     keyed as ပြည် Pyi, Moavia as Muawiya, 2026-12-05 (session 29)
//   - 10: a name in Hebrew letters keeps its words that read as European
//     particles apart (דן גרטלר, den gereteler, not dengereteler);
//     Pashto's ځ and څ read z and s (ځدراڼ, Zadran), a hamza on a ya after
//     an alef read i (فائز faiz), Belarusian given names in Belarusian
//     letters (Ігар igar, Сяргей siargei) keyed as their names, a word read
//     from Cyrillic with ts keyed as the Central European c too (Цвиянович
//     as Cvijanovic), biblical names' Hebrew forms (Yitzhak as Isaac),
//     Abdulahi as Abdullahi, Mouhamadou as Mamadou, Cantonese chung as 宗,
//     Somali's final c dropped (Jaamac as Jama) and Xaaji as a title,
//     Salahudeen as Salah al-Din, Nabih a name of its own,
//     2026-12-05 (session 30; all but the first were added
//     to version 10 within the session, before any store outside its tests
//     was indexed with it)
//   - 11: Taiwan's Tongyong pinyin read (Si-kun keyed as Xikun too), a
//     transcription's k keyed as a c too (克里斯蒂娜 as Christine), a
//     Japanese name in Cyrillic read in Hepburn too (Кадзуо Уэда as Kazuo
//     Ueda), Jirjis, Gerges, Guirguis keyed as Girgis, an English name in
//     Cyrillic read with its э as an a too (Сэм as Sam), عبد الله after
//     bin or ibn keyed as Abdallah (it was lah), a Uyghur name in pinyin
//     (Aierken Tuniyazi) keyed as its characters' transcription, Gol as Gul,
//     2026-12-05 (session 31)
//   - 12: a Chinese transcription's final ou before a vowel read as o
//     (欧尔班 as oerban, Orbán, not with the w of ou before a vowel);
//     katakana's f keyed as an h too (フセイン as Hussein), its h as a j
//     (ハビエル as Javier), its j as a k (アサンジ as Assange), its ch as
//     a j (チョン as Jong), ウォ after a consonant and クォ, グォ read wo,
//     kwo, gwo (ヨンウォン yonwon); Hangul's ㅡ
//     read eu (존슨 jonseun), 2026-12-05 (session 32)
//   - 13: a Latin word also keyed without each r or l Chinese leaves
//     unwritten (Marcos as 马科斯 ma-ke-si, Zuckerberg as 扎克伯格), so
//     that a Chinese label finds a record named in Latin letters, as the
//     lookup of a Latin name already found a Chinese label; a Hangul
//     name whose first word is one syllable that is no Korean surname
//     read as a foreign one (폴 비야 pol piya, Paul Biya, not pol pi ya);
//     an English name in Cyrillic read with the у that begins a word
//     before и, о, а as a w (Уильям as Vilyam, William); a Korean name
//     in Latin letters keyed also with two words as one and its ng as n
//     (Song Thaek as sonthaek, as チャン・ソンテク's sonteku is),
//     2026-12-06 (session 34; the last three were added to version 13 within
//     the session, before any store outside its tests was indexed with it)
//   - 14: a name in Uyghur's Arabic script read with the vowels it writes
//     (ئىلھام تۇختى as ilham tukhti, not tukhta; ئەلىيېۋ as eliyew, not
//     eliiiw); a Korean name in katakana read back into Korean syllables
//     (キム・ドクフン as kim tok hun, not kimu dokufun; イ・ジェミョン as
//     lee jae myong); initials written otherwise read as initials (MK
//     Stalin, Kh. Battulga, Ц. Элбэгдорж, மு. க. ஸ்டாலின் as m k stalin,
//     k battulga, t elbegdorzh); Bengali's ওয় before a vowel read w
//     (ওয়াজেদ wajed); the South Asian family names of
//     data/southasian.txt keyed by their line's first form (Banerjee as
//     Bandyopadhyay); Devanagari's and Bengali's ज्ञ read gy (ज्ञानेन्द्र
//     gyanendra); a Georgian father's name before dze or asuli as a
//     patronymic (nikolozis dze as nikolozovich); an Indic nasal sign
//     before a sounded h read m (నరసింహ narasimha), Telugu's రావు rao,
//     2026-12-06 (session 35)
//   - 15: the article, ibn and ould of an Arab's name in katakana or
//     Hangul read as the Latin particles (オマル・アル＝バシール as omaru
//     albashiru, not omaru aru bashiru; 압둘 라흐만 as abdraheuman; 빈 pin
//     as bin), and a katakana word with the article or in an al-Din
//     compound keyed as the transcription it is (アル＝アウラキ, ジャラルディン),
//     2026-12-06 (session 36; the last three were added to version 15
//     within the session, before any store outside its tests was indexed
//     with it)
//   - 16: common Arabic and Persian given names the Arabic table lacked
//     keyed by their line's first form (Javad as Jawad, Reza as Rida,
//     Morteza as Murtada, Qasem as Qasim), 2026-12-06 (session 38)
//   - 17: Hon. and Honourable, a member's style, no longer keyed as a
//     word of the name, nor His Excellency, Senator, Engr., Maj., Gen.,
//     Col., Lt., Capt., Brig., Rtd. (the styles and ranks were added to
//     version 17 within the session), 2026-12-06 (session 39)
//   - 18: Haji, Hajji before Persian's -zadeh written apart kept as the
//     surname's first part (Hajji-Zadeh keyed as Hajizadeh), 2026-12-07
//     (session 40)
//   - 19: a Somali word beginning with the ain before i keyed with an e
//     too (Cigaal as Egal, Cilmi as Elmi), 2026-12-07 (session 41)
//   - 20: a phone keyed by its last nine digits, as the scorer compares
//     phones (0754369250 and +256 754 369 250 one key); Polish, Swedish,
//     Dutch, Igbo and Yoruba short forms of given names keyed as the names
//     they stand for (Kuba as Jakub, Lasse as Lars, Emeka as Chukwuemeka),
//     2026-12-07 (session 45; the short forms were added to version 20
//     within the session, before any store outside its tests was indexed
//     with it)
//   - 21: a record that gives no date of birth keyed by the one its
//     national identity number holds, where the number's form says where
//     and its check digit holds (Belgian, Swedish, Finnish, Chinese;
//     the Emirati number's year: match.DateInIdentityNumber); Bhai
//     after a given name dropped as an honorific, and glued to it
//     (Nikhilbhai) cut off; Dec, Paudie and Keeva keyed as Declan,
//     Padraig and Caoimhe, 2026-12-07 (session 47; all but the first were
//     added to version 21 within the session, before any store outside
//     its tests was indexed with it; Mo was tried and not kept)
//   - 22: a name in Somali spelling read the English way with one mark
//     when a word begins xa or xo, which no pinyin syllable does (Xasan
//     Warsame keyed as Hasan too); a Vietnamese name's Đ read d, not
//     dj (Đỗ Công Khoa keyed as Do Cong Khoa); a Thai title glued to
//     the given name dropped (นายวิชัย keyed as Wichai); an undated
//     record keyed by the date its Malaysian identity card number holds
//     (YYMMDD-PB-NNNN) or its Mexican CURP (check digit required),
//     2026-12-08 (session 48)
const IndexVersion = 22

// kIndexVersion holds the IndexVersion the store's records were indexed
// with, in decimal.
const kIndexVersion = store.PrefixResolve + "v"

// StoredIndexVersion returns the IndexVersion the store's records were
// indexed with: 0 for a store that holds resolved records and no version
// (one written before versions were), IndexVersion for an empty store.
func (r *Resolver) StoredIndexVersion() (int, error) {
	v := 0
	err := r.db.View(func(txn *store.Txn) error {
		var err error
		v, err = storedIndexVersion(txn)
		return err
	})
	return v, err
}

func storedIndexVersion(txn *store.Txn) (int, error) {
	v, _, err := readIndexVersion(txn)
	return v, err
}

// readIndexVersion is storedIndexVersion, and whether the store holds the
// version written (not the one an empty store or an unmarked one implies).
func readIndexVersion(txn *store.Txn) (v int, written bool, err error) {
	raw, err := txn.Get([]byte(kIndexVersion))
	switch {
	case err == nil:
		v, err := strconv.Atoi(string(raw))
		if err != nil {
			return 0, true, fmt.Errorf("read the index version %q: %w", raw, err)
		}
		return v, true, nil
	case !errors.Is(err, store.ErrNotFound):
		return 0, false, fmt.Errorf("read the index version: %w", err)
	}
	empty := true
	err = txn.Iterate([]byte(pFeatures), store.IterOptions{KeysOnly: true, Limit: 1}, func([]byte, func() ([]byte, error)) error {
		empty = false
		return nil
	})
	if err != nil {
		return 0, false, fmt.Errorf("look for indexed records: %w", err)
	}
	if empty {
		return IndexVersion, false, nil
	}
	return 0, false, nil
}

// writeIndexVersion marks the store as indexed with IndexVersion.
func writeIndexVersion(txn *store.Txn) error {
	if err := txn.Set([]byte(kIndexVersion), []byte(strconv.Itoa(IndexVersion))); err != nil {
		return fmt.Errorf("write the index version: %w", err)
	}
	return nil
}

// markIndexVersion writes IndexVersion as the store's, once per resolver,
// when the store holds none and no record yet (its first batch): a store
// indexed by an earlier version keeps its mark, or its lack of one, until
// Reindex.
func (r *Resolver) markIndexVersion(txn *store.Txn) error {
	if r.versionMarked.Load() {
		return nil
	}
	v, written, err := readIndexVersion(txn)
	if err != nil {
		return err
	}
	if !written && v == IndexVersion { // an empty store
		return writeIndexVersion(txn) // marked once this batch commits: the next one sees it
	}
	r.versionMarked.Store(true)
	return nil
}
