//! A small table of frequent words of English, French and Spanish — the words of grammar,
//! numbers, days and months, the commonest verbs, and about 260 frequent nouns, verbs and
//! adjectives of news, documentation and narrative (work, government, file, night, river) —
//! each row one meaning in the three languages. It is no dictionary: it covers what most
//! sentences hold, so that a pair whose two sides share none of its meanings (where each has
//! some) is unlikely to be a translation pair, and a sentence whose meanings its counterpart
//! lacks is likely left out. Words are folded as [`super::fold`] folds them (lowercase, no
//! accents); an entry ending in `*` is a stem of at least four letters (`gouvern*`).
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
    // Frequent words of news, documentation and narrative: a word ending in `*` is a stem,
    // which any longer word of the same language starting with it matches (the longest stem
    // a word starts with, when no word of the table is the word itself).
    "government* govern*|gouvern*|gobiern* gobern*",
    "state states|etat etats|estado estados",
    "party parties|parti partis|partido partidos",
    "union unions|syndicat* union unions|sindicat* union uniones",
    "company companies|entreprise* societe societes compagnie*|empresa* compania*",
    "money|argent|dinero",
    "price prices|prix|precio precios",
    "wage wages salary salaries|salaire*|salari*",
    "right rights|droit droits|derecho derechos",
    "power powers|pouvoir pouvoirs puissance*|poder poderes",
    "question questions|question questions|pregunta* cuestion*",
    "part parts|partie parties|parte partes",
    "place places|lieu lieux endroit* place places|lugar lugares sitio*",
    "group groups|groupe*|grupo*",
    "system systems|systeme*|sistema*",
    "number numbers|nombre nombres numero numeros|numero numeros",
    "point points|point points|punto puntos",
    "fact facts|fait faits|hecho hechos",
    "case cases|cas|caso casos",
    "end ends|fin fins|fin final",
    "side sides|cote cotes|lado lados",
    "head heads|tete tetes|cabeza* jefe jefes",
    "body bodies|corps|cuerpo*",
    "face faces|visage* face|rostro* cara caras",
    "eye eyes|oeil yeux|ojo ojos",
    "voice voices|voix|voz voces",
    "night nights|nuit nuits|noche noches",
    "morning mornings|matin matins matinee|manana mananas",
    "evening evenings|soir soirs soiree|tarde tardes",
    "light lights|lumiere*|luz luces",
    "fire fires|feu feux|fuego*",
    "food|nourriture* aliment*|comida* aliment*",
    "bread|pain pains|pan panes",
    "tree trees|arbre*|arbol*",
    "field fields|champ champs|campo campos",
    "sea seas|mer mers|mar mares",
    "sky heaven heavens|ciel cieux|cielo cielos",
    "road roads street streets|route* rue rues|camino* calle calles",
    "door doors gate gates|porte portes|puerta*",
    "wall walls|mur murs muraille*|muro muros muralla*",
    "book books|livre livres|libro libros",
    "school schools|ecole*|escuela*",
    "student students|etudiant* eleve eleves|estudiant* alumno*",
    "teacher teachers|enseignant* professeur*|profesor* maestro*",
    "health|sante|salud",
    "hospital hospitals|hopital hopitaux|hospital hospitales",
    "doctor doctors|medecin*|medico* doctor*",
    "family families|famille*|familia*",
    "daughter daughters|fille filles|hija hijas",
    "wife wives|epouse* femme|esposa*",
    "husband husbands|mari maris epoux|marido* esposo*",
    "sister sisters|soeur soeurs|hermana*",
    "girl girls|fille filles|nina ninas chica chicas muchacha*",
    "boy boys|garcon*|nino ninos chico chicos muchacho*",
    "army armies|armee*|ejercito*",
    "soldier soldiers|soldat*|soldado*",
    "police|police policier*|policia*",
    "court courts|tribunal tribunaux cour|tribunal* corte",
    "judge judges|juge juges|juez jueces",
    "president presidents|president*|presidente*",
    "minister ministers|ministre*|ministro*",
    "election elections|election*|eleccion*",
    "vote votes voting|vote votes voter|voto votos votar",
    "strike strikes|greve*|huelga*",
    "crisis|crise*|crisis",
    "economy economic|economi*|economi*",
    "market markets|marche marches|mercado*",
    "industry industries|industri*|industri*",
    "factory factories|usine*|fabrica*",
    "job jobs employment|emploi*|empleo*",
    "unemploy*|chomage chomeur*|desemple* paro",
    "pension pensions|retraite* pension*|pension* jubilacion*",
    "tax taxes|impot* taxe*|impuesto*",
    "bank banks|banque*|banco bancos",
    "capital|capital*|capital*",
    "class classes|classe*|clase*",
    "struggle struggles fight fights|lutte* combat*|lucha*",
    "movement movements|mouvement*|movimiento*",
    "organization* organisation*|organisation*|organizacion*",
    "meeting meetings|reunion* assemblee*|reunion* asamblea*",
    "committee committees|comite*|comite*",
    "conference conferences|conference*|conferencia*",
    "member members|membre*|miembro* integrante*",
    "leader leaders|dirigeant* chef chefs|dirigente* lider*",
    "policy policies politic*|politique*|politica* politic*",
    "social|social* sociaux|social*",
    "national|national* nationaux|nacional*",
    "international|international* internationaux|internacional*",
    "public|public publique*|publico* publica*",
    "private|prive privee* prives|privado* privada*",
    "free freedom|libre* liberte*|libre* libertad*",
    "democracy democratic|democrati*|democraci* democrati*",
    "history|histoire*|historia*",
    "report reports|rapport*|informe*",
    "information|information* renseignement*|informacion*",
    "news|nouvelles information*|noticia*",
    "press newspaper newspapers|presse journal journaux|prensa periodico*",
    "letter letters|lettre*|carta cartas",
    "article articles|article*|articulo*",
    "page pages|page pages|pagina*",
    "text texts|texte*|texto*",
    "language languages|langue* langage*|idioma* lengua* lenguaje*",
    "file files|fichier*|archivo* fichero*",
    "directory directories folder folders|dossier* repertoire*|directorio* carpeta*",
    "path paths|chemin*|ruta*",
    "command commands|commande*|comando*",
    "user users|utilisateur*|usuario*",
    "data|donnee*|dato datos",
    "version versions|version*|version*",
    "example examples|exemple*|ejemplo*",
    "error errors|erreur*|error errores",
    "list lists|liste*|lista*",
    "option options|option*|opcion*",
    "window windows|fenetre*|ventana*",
    "computer computers|ordinateur*|computador* ordenador*",
    "network networks|reseau reseaux|red redes",
    "server servers|serveur*|servidor*",
    "program programs programme programmes|programme*|programa*",
    "project projects|projet*|proyecto*",
    "service services|service*|servicio*",
    "village villages|village*|pueblo* aldea*",
    "region regions|region*|region*",
    "north|nord|norte",
    "south|sud|sur",
    "east|est orient|este oriente",
    "west|ouest occident|oeste occidente",
    "black|noir* noire*|negro* negra*",
    "white|blanc* blanche*|blanco* blanca*",
    "red|rouge*|rojo* roja*",
    "green|vert vertes verts verte|verde*",
    "blue|bleu*|azul*",
    "young|jeune*|joven jovenes",
    "long|long longue* longs|largo* larga*",
    "high|haut haute* hauts|alto* alta*",
    "low|bas basse*|bajo* baja*",
    "strong|fort fortes forts forte|fuerte*",
    "full|plein pleine*|lleno* llena*",
    "true|vrai vraie* veritable*|verdader* cierto*",
    "important|important*|importante*",
    "different|different*|diferente*",
    "possible|possible*|posible*",
    "necessary|necessaire*|necesari*",
    "difficult hard|difficile* dur dure|dificil* duro dura",
    "easy|facile*|facil*",
    "early|tot debut|temprano*",
    "late|tard tardive*|tarde",
    "bad evil|mauvais* mal|malo* mala* mal",
    "poor|pauvre*|pobre*",
    "rich|riche*|rico* rica*",
    "whole entire|entier entiere* tout|entero* entera*",
    "each|chaque chacun chacune|cada",
    "many|beaucoup nombreux nombreuses|muchos muchas",
    "few|peu quelques|pocos pocas",
    "much|beaucoup|mucho mucha",
    "never|jamais|nunca jamas",
    "always|toujours|siempre",
    "often|souvent|menudo frecuencia",
    "already|deja|ya",
    "still yet|encore toujours|todavia aun",
    "together|ensemble|juntos juntas",
    "alone|seul seule seuls|solo sola solos",
    "left|gauche|izquierda*",
    "make made makes making|faire fait faits faite|hacer hecho hace hizo",
    "find found finds|trouve* trouver|encontr* halla*",
    "think thought thinks|pense* penser|piens* pensa* pensar",
    "tell told tells|dire dit raconte*|contar cuenta* conto",
    "ask asked asks|demande*|pregunt* pide pidio pedir",
    "call called calls|appel*|llam*",
    "try tried tries|essai* essay* tenter tenta|intent*",
    "need needs needed|besoin*|necesit*",
    "feel felt feels|sent sentir ressent*|sient* sentir",
    "become became becomes|devenir devient devenu*|convert* volv*",
    "leave left leaves|quitte* laisse* partir part|dejar deja dejo sali*",
    "put puts|mettre met mis|poner pone puso",
    "keep kept keeps|garder garde* conserv*|guard* manten* mantiene conserv*",
    "let lets|laisser laisse*|dejar deja dejen",
    "begin began begins start started starts|commenc* debut*|comenz* empez* comienz* empiez* inici*",
    "help helps helped|aide aider aidera* aident|ayud*",
    "show shows showed shown|montre* affiche*|muestr* mostr*",
    "hear heard hears|entend*|oir oye oyo escuch*",
    "listen listened listens|ecoute*|escuch*",
    "run ran runs|court courir couru courent execut*|correr corre corrio ejecut*",
    "move moved moves|bouge* deplace* demenag*|mueve* mover movio moviendo",
    "live lived lives living|vivre vit vecu* habite*|vivir vive vivio habit*",
    "believe believed believes|croire croit cru|creer cree creyo",
    "bring brought brings|apporte* amene*|traer trae trajo",
    "happen happened happens|arrive* passe*|sucede* pasa paso ocurr*",
    "write wrote written writes|ecri*|escrib* escrito*",
    "sit sat sits|assis asseoir|sentado* sentar*",
    "stand stood stands|debout tenir|de pie parado",
    "lose lost loses|perdre perd perdu*|perder pierde perdio perdid*",
    "pay paid pays|payer paye payent paie payait|pagar paga pago pagaron pagado",
    "meet met meets|rencontr*|encontr* reun*",
    "include included includes|inclu*|inclu*",
    "continue continued continues|continu* poursui*|continu* sigue seguir",
    "learn learned learns|apprend* appris|aprend*",
    "change changed changes|change* modifi*|cambi* modific*",
    "lead led leads|mene* dirige* conduit*|llev* dirig* conduc*",
    "understand understood|comprend* compris|entend* comprend*",
    "follow followed follows|suivre suit suivi*|segui* sigue* siguio",
    "stop stopped stops|arret*|detener detuvo detiene parar",
    "create created creates|cree creer creation*|crea* creacion*",
    "speak spoke spoken speaks|parle*|habl*",
    "read reads|lire lit lu lecture*|leer lee leyo lectura*",
    "spend spent|depense* passe*|gast* pasa*",
    "grow grew grown grows|grandi* croi* pousse*|crec*",
    "open opened opens|ouvrir ouvre ouvrit ouvert ouverte ouverts|abrir abre abrio abierto abierta",
    "close closed closes|ferme*|cerr*",
    "walk walked walks|marche* marcher|camin* anda*",
    "win won wins|gagne*|ganar gana gano ganaron",
    "teach taught|enseign*|ensen*",
    "offer offered offers|offr* offert*|ofrec* oferta*",
    "remember remembered|souvien* rappel*|recuerd* record*",
    "appear appeared appears|apparai* apparu*|aparec*",
    "buy bought buys|achet*|comprar compra compro compraron",
    "serve served serves|servir sert servi*|servir sirve sirvio",
    "die died dies dead|mourir meurt mort mourut|morir muere murio muerto*",
    "kill killed kills|tue tuer tuerent|matar mato mataron matado asesin*",
    "send sent sends|envoi* envoy*|envi*",
    "build built builds|construi*|constru*",
    "stay stayed stays|rester reste resta resterent|qued* permanec*",
    "fall fell falls fallen|tombe*|cae caer cayo caid*",
    "cut|coupe*|cort*",
    "reach reached|atteint* atteindre|alcanz* lleg*",
    "raise raised|leve* souleve*|levant* alzar alza alzo",
    "decide decided decides|decide*|decid*",
    "return returned returns|retour* revien*|regres* vuelve volvio volver",
    "explain explained|expliqu*|explic*",
    "hope hoped hopes|espere* espoir*|esper*",
    "carry carried|porter portait porta transport*|llev* carg*",
    "break broke broken|casse* brise* rompu*|romp* roto rota",
    "receive received receives|recoi* recu* recev*|recib*",
    "agree agreed agrees|accord*|acuerdo* acord*",
    "support supported supports|soutien* soutenir soutenu* appui*|apoy*",
    "produce produced produces|produi*|produc* produj*",
    "eat ate eaten eats|mange*|comer come comio comieron comido",
    "drink drank|boire boit bu|beber bebe bebio",
    "sleep slept|dort dormi*|duerm* dorm*",
    "choose chose chosen|choisi*|elig* escog*",
    "fear feared afraid|peur craint*|miedo temor temer teme temio",
    "love loved loves|aime* amour*|ama amar amor*",
    "enemy enemies|ennemi*|enemigo*",
    "blood|sang|sangre",
    "gold|or|oro",
    "silver|argent|plata",
    "stone stones|pierre*|piedra*",
    "horse horses|cheval chevaux|caballo*",
    "mountain mountains mount|montagne* mont|monte montes montana*",
    "river rivers|fleuve* riviere*|rio rios",
    "desert wilderness|desert*|desierto*",
    "kingdom|royaume*|reino*",
    "nation nations|nation*|nacion*",
    "fruit fruits|fruit*|fruto* fruta*",
    "bone bones|os|hueso*",
    "rain|pluie*|lluvia*",
    "wind|vent vents|viento*",
    "cloud clouds|nuee* nuage*|nube*",
    "star stars|etoile*|estrella*",
    "sun|soleil|sol",
    "moon|lune|luna",
    "fish|poisson*|pez peces pescado*",
    "bird birds|oiseau*|ave aves pajaro*",
    "animal animals beast beasts|animal animaux bete betes|animal* bestia*",
    "dog dogs|chien*|perro*",
];

use std::collections::HashMap;

/// How many of the first rows are left out of the meanings found.
const UBIQUITOUS: u16 = 4;

/// The meanings (row numbers) of the words of `text` in `lang` (`en`, `fr` or `es`, the
/// language's primary subtag), or `None` for a language the table does not cover.
pub fn meanings(text: &str, lang: &str) -> Option<Vec<u16>> {
    let table = table(column(lang)?);
    let mut found: Vec<u16> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| lookup(table, &super::fold(w)).iter().copied())
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

/// One column of the table: whole words and stems, each to its meanings.
#[derive(Default)]
struct Column {
    words: HashMap<&'static str, Vec<u16>>,
    stems: HashMap<&'static str, Vec<u16>>,
}

/// The least letters a stem has.
const MIN_STEM: usize = 4;

/// The meanings of a folded word: the table's word itself, else the longest stem it starts with.
fn lookup<'t>(column: &'t Column, word: &str) -> &'t [u16] {
    if let Some(found) = column.words.get(word) {
        return found;
    }
    let ends: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(MIN_STEM).chain([word.len()]).collect();
    ends.iter().rev().find_map(|&end| column.stems.get(&word[..end])).map_or(&[], Vec::as_slice)
}

/// Word → meanings for one column, built once.
fn table(column: usize) -> &'static Column {
    use std::sync::OnceLock;
    static TABLES: [OnceLock<Column>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    TABLES[column].get_or_init(|| {
        let mut table = Column::default();
        for (row, line) in ROWS.iter().enumerate() {
            let words = line.split('|').nth(column).unwrap_or_default();
            for w in words.split(' ').filter(|w| !w.is_empty()) {
                // A word of several meanings (`no`: not, none) has them all.
                let (map, key) = match w.strip_suffix('*') {
                    Some(stem) => (&mut table.stems, stem),
                    None => (&mut table.words, w),
                };
                let meanings = map.entry(key).or_insert_with(Vec::new);
                if !meanings.contains(&(row as u16)) {
                    meanings.push(row as u16);
                }
            }
        }
        table
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

    #[test]
    fn stems_match_longer_words_and_whole_words_come_first() {
        let one = |w: &str, lang: &str| meanings(w, lang).unwrap();
        // `gouvern*`: gouvernement, gouvernements, gouverner.
        assert!(!one("gouvernements", "fr").is_empty());
        assert_eq!(one("gouvernements", "fr"), one("government", "en"));
        assert_eq!(one("Gobierno", "es"), one("government", "en"));
        // A stem's letters alone are no word of the table; shorter words are not stems' words.
        assert!(one("gouv", "fr").is_empty());
        // The longest stem wins: `nationale` is `national*`, not `nation*`.
        assert_ne!(one("nationale", "fr"), one("nations", "fr"));
        assert_eq!(one("nationale", "fr"), one("national", "en"));
        // A whole word is itself, not a longer stem's (`pueblo`: people, not village).
        assert_eq!(one("pueblo", "es"), one("people", "en"));
    }

    #[test]
    fn every_stem_has_four_letters_and_every_row_three_columns() {
        for row in super::ROWS {
            for w in row.split(['|', ' ']).filter_map(|w| w.strip_suffix('*')) {
                assert!(w.chars().count() >= super::MIN_STEM, "{w} in {row}");
            }
        }
    }
}
