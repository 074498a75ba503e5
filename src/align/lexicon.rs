//! A small table of frequent words of English, French and Spanish — the words of grammar,
//! numbers, days and months, and the commonest verbs — each row one meaning in the three
//! languages. It is no dictionary: it covers what nearly every sentence holds, so that a pair
//! whose two sides share none of its meanings (where each has some) is unlikely to be a
//! translation pair. Words are folded as [`super::fold`] folds them (lowercase, no accents).
//!
//! Written for stele from general knowledge of the three languages; it holds nothing taken
//! from the corpora stele is measured on.

/// One meaning per row: English, French and Spanish words, `|` between languages, spaces
/// between words.
const ROWS: &[&str] = &[
    "the|le la les l|el la los las lo",
    "a an one|un une|un una uno",
    "of from|de du des d|de del",
    "and|et|y e",
    "or|ou|o u",
    "but|mais|pero sino",
    "to at|a au aux|a al",
    "in into|dans en|en dentro",
    "on upon|sur|sobre en",
    "for|pour|para por",
    "by|par|por",
    "with|avec|con",
    "without|sans|sin",
    "against|contre|contra",
    "between among|entre parmi|entre",
    "after|apres|despues tras",
    "before|avant|antes",
    "during while|pendant durant|durante mientras",
    "since|depuis|desde",
    "until|jusqu jusque|hasta",
    "under|sous|bajo debajo",
    "not no|ne n pas non|no",
    "no none|aucun aucune nul|ningun ninguna ninguno ni",
    "all every|tous tout toute toutes chaque|todos todo toda todas cada",
    "more most|plus|mas",
    "less|moins|menos",
    "very|tres|muy",
    "also too|aussi egalement|tambien",
    "only|seulement seul seule|solo solamente",
    "this that these those|ce cet cette ces cela ceci|este esta estos estas ese esa esos esas eso esto",
    "which who whom|qui que lequel laquelle|que quien quienes cual cuales",
    "what|quoi quel quelle|que",
    "where|ou|donde",
    "when|quand lorsque|cuando",
    "why|pourquoi|por",
    "how|comment|como",
    "if|si|si",
    "as like|comme|como",
    "so thus|donc ainsi|asi entonces",
    "because|parce car|porque",
    "he|il|el",
    "it|il elle le la cela ca|lo la ello eso",
    "she|elle|ella",
    "they|ils elles|ellos ellas",
    "we us|nous|nosotros nos",
    "you|vous tu te toi|usted ustedes tu te vosotros",
    "i me|je j moi|yo me mi",
    "his her its their|son sa ses leur leurs|su sus",
    "our|notre nos|nuestro nuestra nuestros nuestras",
    "my|mon ma mes|mi mis",
    "is are be been was were|est sont etre ete etait etaient|es son ser sido era eran esta estan estar",
    "has have had|a ont avoir avait avaient eu|ha han tener tiene tienen tenia haber habia",
    "will shall|va vont sera seront|va van sera seran",
    "can could|peut peuvent pouvoir pourrait|puede pueden poder podria",
    "must|doit doivent devoir|debe deben deber",
    "do does did|fait font faire|hace hacen hacer",
    "say said says|dit dire disent|dice dijo decir dicen",
    "go goes went|va vont aller alle|va van ir fue",
    "come came|vient viennent venir venu|viene vienen venir vino",
    "give gave given|donne donner donnent|da dar dan dio",
    "take took taken|prend prendre prennent pris|toma tomar toman tomo",
    "see saw seen|voit voir vu|ve ver visto vio",
    "know knew known|sait savoir connait|sabe saber conoce",
    "want|veut vouloir veulent|quiere querer quieren",
    "new|nouveau nouvelle nouveaux nouvelles|nuevo nueva nuevos nuevas",
    "old|vieux vieille ancien ancienne|viejo vieja antiguo antigua",
    "great big large|grand grande grands grandes|gran grande grandes",
    "small little|petit petite petits petites|pequeno pequena pequenos pequenas",
    "good|bon bonne bien|bueno buena bien",
    "other others|autre autres|otro otra otros otras",
    "same|meme memes|mismo misma mismos mismas",
    "first|premier premiere|primero primera primer",
    "last|dernier derniere|ultimo ultima",
    "two|deux|dos",
    "three|trois|tres",
    "four|quatre|cuatro",
    "five|cinq|cinco",
    "six|six|seis",
    "seven|sept|siete",
    "eight|huit|ocho",
    "nine|neuf|nueve",
    "ten|dix|diez",
    "eleven|onze|once",
    "twelve|douze|doce",
    "twenty|vingt|veinte",
    "thirty|trente|treinta",
    "hundred|cent cents|cien ciento cientos",
    "thousand|mille|mil",
    "million millions|million millions|millon millones",
    "billion billions|milliard milliards|millardo millardos",
    "day days|jour jours journee journees|dia dias jornada jornadas",
    "year years|an ans annee annees|ano anos",
    "month months|mois|mes meses",
    "week weeks|semaine semaines|semana semanas",
    "today|aujourd hui|hoy",
    "time times|temps fois|tiempo vez veces",
    "monday|lundi|lunes",
    "tuesday|mardi|martes",
    "wednesday|mercredi|miercoles",
    "thursday|jeudi|jueves",
    "friday|vendredi|viernes",
    "saturday|samedi|sabado",
    "sunday|dimanche|domingo",
    "january|janvier|enero",
    "february|fevrier|febrero",
    "march|mars|marzo",
    "april|avril|abril",
    "may|mai|mayo",
    "june|juin|junio",
    "july|juillet|julio",
    "august|aout|agosto",
    "september|septembre|septiembre",
    "october|octobre|octubre",
    "november|novembre|noviembre",
    "december|decembre|diciembre",
    "man men|homme hommes|hombre hombres",
    "woman women|femme femmes|mujer mujeres",
    "child children|enfant enfants|nino ninos hijo hijos",
    "people|peuple gens personnes|pueblo gente personas",
    "country countries|pays|pais paises",
    "world|monde mondial mondiale|mundo mundial",
    "city town|ville villes|ciudad ciudades",
    "house home|maison maisons|casa casas",
    "work works|travail travaux|trabajo trabajos",
    "worker workers|travailleur travailleurs travailleuse travailleuses ouvrier ouvriers|trabajador trabajadores obrero obreros",
    "war wars|guerre guerres|guerra guerras",
    "peace|paix|paz",
    "life|vie|vida",
    "death|mort|muerte",
    "water|eau|agua",
    "land earth|terre|tierra",
    "god|dieu|dios",
    "king|roi|rey",
    "lord|seigneur|senor",
    "son sons|fils|hijo hijos",
    "father|pere|padre",
    "mother|mere|madre",
    "brother brothers|frere freres|hermano hermanos",
    "name|nom|nombre",
    "word words|mot mots parole paroles|palabra palabras",
    "hand hands|main mains|mano manos",
    "heart|coeur|corazon",
    "here|ici|aqui",
    "there|la|alli alla ahi",
    "now|maintenant|ahora",
    "then|puis alors ensuite|luego entonces despues",
    "again|encore|otra",
    "up|haut|arriba",
    "out|hors dehors|fuera",
    "yes|oui|si",
];

/// How many of the first rows are left out of the meanings found.
const UBIQUITOUS: u16 = 4;

/// The meanings (row numbers) of the words of `text` in `lang` (`en`, `fr` or `es`, the
/// language's primary subtag), or `None` for a language the table does not cover.
pub fn meanings(text: &str, lang: &str) -> Option<Vec<u16>> {
    let table = table(column(lang)?);
    let mut found: Vec<u16> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| table.get(super::fold(w).as_str()).into_iter().flatten().copied())
        // The first rows (the, a, of, and) are in nearly every sentence of any text: that two
        // sentences both have them says nothing.
        .filter(|&m| m >= UBIQUITOUS)
        .collect();
    found.sort_unstable();
    found.dedup();
    Some(found)
}

/// The table's column for a language's primary subtag, if it has one.
fn column(lang: &str) -> Option<usize> {
    ["en", "fr", "es"].iter().position(|l| *l == lang)
}

/// Whether the table covers the language (its primary subtag).
pub fn covers(lang: &str) -> bool {
    column(lang).is_some()
}

/// Word → meanings for one column, built once.
fn table(column: usize) -> &'static std::collections::HashMap<&'static str, Vec<u16>> {
    use std::sync::OnceLock;
    static TABLES: [OnceLock<std::collections::HashMap<&'static str, Vec<u16>>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    TABLES[column].get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (row, line) in ROWS.iter().enumerate() {
            let words = line.split('|').nth(column).unwrap_or_default();
            for w in words.split(' ').filter(|w| !w.is_empty()) {
                // A word of several meanings (`no`: not, none) has them all.
                map.entry(w).or_insert_with(Vec::new).push(row as u16);
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::meanings;

    #[test]
    fn rows_have_three_languages_and_meanings_meet() {
        for row in super::ROWS {
            assert_eq!(row.split('|').count(), 3, "{row}");
        }
        let en = meanings("Workers have no interests in common with multinationals.", "en").unwrap();
        let fr = meanings("Les travailleurs n’ont aucun intérêt commun avec les multinationales.", "fr").unwrap();
        let shared = en.iter().filter(|m| fr.contains(m)).count();
        assert!(shared >= 3, "{en:?} {fr:?}");
        assert_eq!(meanings("anything", "de"), None);
    }
}
