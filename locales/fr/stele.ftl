# Messages de stele en français.
# Les identifiants disent où ils servent : cli-… (aide), status-…, todo-…, mark-…, init-…,
# error-…, cause-…, hint-…

## Nombres

number-decimal-separator = ,
number-group-separator = {"\u202F"}
number-group-min-digits = 4

## Aide de la ligne de commande

cli-about = Gestion des traductions de corpus de textes conservés dans git.
cli-usage-heading = Utilisation :
cli-commands-heading = Commandes{"\u202F"}
cli-command-value = COMMANDE
cli-options-heading = Options{"\u202F"}
cli-arguments-heading = Arguments{"\u202F"}
cli-arg-dir = Travailler comme si stele était lancé dans ce dossier
cli-arg-ui_lang = La langue des messages de stele (en-US, fr, es)
cli-arg-color = Quand utiliser les couleurs : auto (par défaut : seulement dans un terminal, et pas si NO_COLOR est défini), always ou never
cli-arg-quiet = Afficher moins
cli-arg-verbose = Afficher plus (quoi, selon la commande ; répéter pour plus encore)
cli-arg-help = Afficher l’aide
cli-arg-version = Afficher la version
cli-global-options-heading = Options globales{"\u202F"}
cli-status-arg-quiet = N’afficher que le tableau récapitulatif
cli-status-arg-verbose = Lister tous les documents, et comment chaque état a été établi (-vv : aussi chaque fichier laissé de côté)
cli-todo-arg-quiet = Une ligne par langue : combien de traductions à faire, combien de mots
cli-todo-arg-verbose = Nommer aussi la source d’après laquelle mettre à jour chaque traduction obsolète
cli-mark-arg-quiet = Ne rien afficher
cli-mark-arg-verbose = Nommer aussi le fichier, à côté d’une traduction, où son enregistrement est gardé
cli-diff-arg-quiet = L’état de chaque traduction et combien de blocs ont changé, sans les blocs (avec --from : où sont les changements, sans leurs mots)
cli-diff-arg-verbose = Montrer toutes les traductions du document, y compris à jour et manquantes
cli-log-arg-quiet = Une ligne par commit
cli-log-arg-verbose = Nommer les commits en entier
cli-ack-arg-quiet = Une ligne par source prise en compte (avec --cosmetic : le total seulement)
cli-ack-arg-verbose = Montrer aussi les changements pris en compte, mot à mot
cli-check-arg-quiet = N’afficher que le verdict, sur une ligne
cli-status-arg-all = Lister toutes les traductions à reprendre (sans cette option ni --lang : les premières de chaque langue, et combien d’autres)
cli-check-arg-all = Lister tous les problèmes (sans cette option ni --lang : les premiers de chaque langue, et combien d’autres)
cli-check-arg-verbose = Lister aussi chaque traduction conforme
cli-export-arg-quiet = N’afficher ni bilan ni progression
cli-export-arg-verbose = Lister chaque phrase ou bloc laissé de côté, où il est et pourquoi
cli-init-arg-quiet = Ne rien afficher
cli-init-arg-verbose = Afficher aussi le fichier écrit
cli-man-arg-command = La commande dont afficher la page ; celle de stele si absente
cli-help-about = Afficher l’aide de stele ou d’une de ses commandes
cli-help-arg-command = La commande dont afficher l’aide
error-meaningless-option = { $option } n’a pas de sens pour `stele { $command }`
error-unknown-command = il n’y a pas de commande `{ $name }`
hint-known-commands = les commandes sont : { $known }
man-exit-heading = CODE DE RETOUR
man-exit-0 = Succès.
man-exit-1 = Une règle de `stele check` n’est pas respectée, ou `stele qa` a trouvé une erreur (ces deux commandes seulement).
man-exit-2 = Entrée invalide : option inconnue, stele.toml invalide, fichier illisible, dépôt impossible à ouvrir. L’erreur nomme le fichier, et la ligne quand il y en a une.
man-env-heading = ENVIRONNEMENT
man-env-locale = La langue des messages de stele sans --ui-lang (en-US, fr, es ; anglais pour les autres).
man-env-no-color = Défini et non vide : pas de couleurs (sauf --color always).
man-env-columns = La largeur du terminal, pour l’affichage côte à côte (100 sinon).
man-env-git = Où sont le dépôt et sa copie de travail, comme pour git.
man-see-also-heading = VOIR AUSSI
cli-status-about = Montrer quelles traductions sont à jour, obsolètes, manquantes ou orphelines
cli-status-arg-paths = Seulement les documents dont un fichier se trouve à ces chemins ou en dessous
cli-status-arg-langs = Seulement ces langues (répéter l’option, ou séparer par des virgules)
cli-status-arg-format = Format de sortie : text (par défaut) pour les personnes, json pour les programmes, markdown pour un commentaire de pull request ou le résumé d’une tâche de CI
cli-status-arg-changed_since = Avec --format markdown : indiquer aussi ce que le changement depuis la base de fusion avec REV laisse à traduire
cli-todo-about = Lister le travail en attente d’un traducteur, langue par langue, le plus urgent d’abord
cli-todo-arg-lang = Les langues dont lister le travail (à répéter, ou séparées par des virgules ; toutes les langues de traduction si aucune n’est donnée)
cli-todo-arg-paths = Seulement les documents dont un fichier se trouve à ces chemins ou en dessous
cli-todo-arg-format = Format de sortie : text (par défaut) pour les personnes, json pour les programmes
cli-mark-about = Enregistrer que des traductions correspondent à la version actuelle de leur source
cli-mark-arg-files = Les fichiers de traduction à marquer comme à jour
cli-mark-arg-dry_run = Montrer ce qui serait enregistré, sans rien écrire
cli-completions-about = Afficher un script de complétion pour le shell
cli-completions-arg-shell = Le shell : bash, zsh, fish, elvish ou powershell
cli-man-about = Afficher la page de manuel de stele ou d’une de ses commandes (roff), par exemple : stele man status > stele-status.1
cli-init-about = Écrire un stele.toml commenté dans le dossier courant
cli-init-arg-source_lang = La langue dans laquelle les sources sont écrites (par défaut : en)
cli-init-arg-langs = Les langues de traduction (répéter, ou séparer par des virgules) ; déduites des dossiers si absentes
cli-init-arg-layout = Un motif pour les sources et les traductions, par exemple content/{"{"}lang{"}"}/{"{"}path{"}"}
cli-init-arg-source = Le motif des sources, par exemple pages/{"{"}path{"}"} (avec --translation)
cli-init-arg-translation = Le motif des traductions, par exemple pages.{"{"}lang{"}"}/{"{"}path{"}"} (avec --source)

## États

state-current = à jour
state-outdated = obsolète
state-missing = manquante
state-orphan = orpheline
state-unknown = inconnu

## Pourquoi une traduction est obsolète ou son état inconnu

reason-source-changed = la source a changé depuis la version enregistrée { $blob }
reason-source-changed-commit = la source a changé depuis le commit { $commit } ({ $pin })
reason-base-missing = la source a changé ; la version enregistrée n’est pas dans ce dépôt (clone superficiel ?)
reason-commit-missing = le commit source enregistré n’est pas dans ce dépôt (clone superficiel ?)
reason-source-changed-history = la source a changé depuis la dernière modification de la traduction, dans { $commit } ({ $date })
reason-pin-ambiguous = l’identifiant de commit épinglé est abrégé et désigne plusieurs objets
reason-pin-not-a-commit = l’identifiant épinglé ne désigne pas un commit
reason-pin-not-a-blob = l’identifiant enregistré ne désigne pas une version de fichier (mais un dossier ou un commit)
reason-pin-malformed = l’épingle ({ $pin }) n’est pas un identifiant d’objet git
reason-source-not-at-commit = la source n’existait pas au commit enregistré
reason-source-uncommitted = la source a des modifications non commitées
reason-no-commits = le dépôt n’a encore aucun commit
reason-history-truncated = l’historique s’arrête avant la dernière modification (clone superficiel)
reason-history-broken = un commit de l’historique est absent
reason-in-progress = la traduction est marquée en cours (son Status n’est pas « ready »)
reason-pin-not-last = le commit épinglé { $commit } ({ $pin }) n’est pas la dernière modification de la source
reason-pin-not-last-short = le commit épinglé n’est pas la dernière modification de la source
reason-pin-abbreviated = l’épingle n’est pas un identifiant de commit complet de 40 chiffres, comme revcheck l’exige
reason-pin-incomplete = le commentaire EN-Revision n’a pas « Maintainer : … Status : … »
reason-no-shared-history = aucune épingle, et la source est dans un autre dépôt : aucun historique commun ne dit quelle version a été traduite

## Comment l’état d’une traduction à jour a été établi

basis-recorded = enregistré : version source { $blob }
basis-source-commit = enregistré : commit source { $commit } ({ $pin })
basis-history = historique : traduction modifiée dans { $commit } ({ $date })
basis-history-uncommitted = historique : la traduction a des modifications non commitées
basis-history-unknown = historique

## status

status-heading = { $count ->
    [one] Un document
   *[other] { $count } documents
    } ; sources : { $langs }
status-source-lang-count = { $lang } ({ $count })
status-col-lang = Langue
status-col-current = À jour
status-col-outdated = Obsolètes
status-col-missing = Manquantes
status-col-orphan = Orphelines
status-col-unknown = Inconnues
status-col-complete = Achevé
status-col-words = Mots à traduire
status-percent = { $value } %
status-needs-work = À faire :
status-all-documents = Documents :
status-all-current = Toutes les traductions sont à jour.
status-more = { $count ->
    [one] { $lang } : une autre non listée : --all les liste toutes, --lang { $lang } toutes celles de cette langue
   *[other] { $lang } : { $count } autres non listées : --all les liste toutes, --lang { $lang } toutes celles de cette langue
}
status-doc-source = source : { $lang }, { $words ->
    [one] un mot
   *[other] { $words } mots
    }
status-doc-source-gone = source : { $lang }, absente
status-orphan-detail = sa source { $source } n’existe pas
status-basis-footer = Base : { $recorded } enregistrées, { $history } d’après l’historique git.
status-no-documents = Aucun document trouvé.
status-layout = Disposition : sources dans { $source }, traductions dans { $translation }.
progress-history = Lecture de l’historique : { $commits } commits
progress-changes = Comparaison des versions : { $done } documents sur { $total }

## todo

todo-heading = { $count ->
    [one] Une traduction à faire
   *[other] { $count } traductions à faire
    } en { $lang } ({ $words ->
    [one] un mot
   *[other] { $words } mots
    })
todo-nothing = Rien à faire en { $lang } : toutes les traductions sont à jour.
todo-words = { $count ->
    [one] un mot
   *[other] { $count } mots
    }
todo-update-from = à mettre à jour d’après { $source }
todo-translate-from = traduire depuis { $source }
todo-key-outdated = modifiée
todo-key-missing = absente
todo-key-orphan = retirée de la source
todo-key-fuzzy = floue
todo-key-untranslated = non traduite
todo-keys-more = { $count ->
    [one] …et 1 clé de plus (-v l’affiche).
   *[other] …et { $count } clés de plus (-v les affiche).
}

## mark

mark-marked = { $path } marqué comme correspondant à { $source } ({ $blob }).
mark-would-mark = { $path } serait marqué comme correspondant à { $source } ({ $blob }).
mark-unchanged = { $path } correspond déjà à { $source } ({ $blob }).
mark-marked-commit = { $path } marqué comme correspondant à { $source } au commit { $commit } ({ $pin }).
mark-would-mark-commit = { $path } serait marqué comme correspondant à { $source } au commit { $commit } ({ $pin }).
mark-unchanged-commit = { $path } correspond déjà à { $source } au commit { $commit } ({ $pin }).
mark-sidecar = L’enregistrement est conservé dans { $path }.

## init

init-comment-title =
    stele.toml : ce qu’est ce corpus et où se trouvent ses fichiers.
    Référence : docs/config.md
init-comment-source-lang = La langue dans laquelle les documents sont écrits (une étiquette BCP 47).
init-comment-languages = Les langues dans lesquelles ils sont traduits.
init-comment-lunaria = Lu dans { $file } à chaque exécution, tant que ce fichier ne le dit pas :
    quels commits ne sont pas du travail de traduction (les mots-clés de Lunaria et ses directives
    @lunaria-track/@lunaria-ignore ; sinon [history]) et quelles pages sont prêtes à traduire
    (localizableProperty de Lunaria ; sinon localizable_key = "…"). docs/config.md explique comment.
init-comment-exclude = Fichiers à laisser de côté (globs, relatifs à ce fichier) ; `include` ne garde que les fichiers correspondants.
init-comment-layout =
    Où sont les fichiers : {"{"}lang{"}"} est une étiquette de langue, {"{"}path{"}"} le document (un ou plusieurs dossiers).
    Un motif pour toutes les langues, ou une table [layout] avec deux motifs. Par exemple :
init-comment-one-folder = un dossier par document
init-comment-documents = Documents écrits dans une autre langue que source_lang :
init-comment-records =
    Où `stele mark` garde l’enregistrement d’une traduction : "front-matter" (l’en-tête d’un
    fichier Markdown ; un fichier .stele à côté des autres), "sidecar" (un fichier .stele à côté
    de chaque traduction) ou "none" (aucun enregistrement : les traductions sont jugées d’après
    leur historique git).
init-comment-records-none = Aucun fichier Markdown ici n’a d’en-tête, et aucun ne doit en recevoir :
init-comment-records-sidecar = Les traductions Markdown d’ici gardent leurs enregistrements dans des fichiers .stele, et n’ont pas d’en-tête :
init-comment-check =
    Ce que `stele check` exige. Sans option, il exige que toutes les traductions soient à jour.
    Avec --changed-since REV (une pull request) ou --staged (un hook pre-commit), il juge le
    changement sur ce qu’il a changé : une traduction qu’il touche doit finir à jour, celle que
    ses modifications de la source rendent obsolète est un avertissement, et les deux limites
    ci-dessous ne s’appliquent qu’une fois définies ici.
    Les règles et leurs raisons : docs/config.md, « Rules for stele check ».
init-comment-check-min-complete = Pourcentage minimal de traductions à jour par langue (ou {"{"} default = 80, fr = 100 {"}"}).
init-comment-check-max-outdated = Nombre maximal de traductions obsolètes par langue.
init-comment-check-outdated-by-change = Le poids d’une traduction que les modifications de source d’un changement rendent obsolète : "warning", "error" ou "off".
init-comment-check-allow-missing = Traductions qui peuvent manquer (globs sur les chemins depuis la racine du dépôt).
init-comment-kind-dictionary = Dictionnaires d’interface, comparés clé par clé (le format d’après l’extension de chaque fichier, ou format = "json", "yaml", "toml", "po", "properties", "js").
init-comment-check-missing-keys = Ce que pèse une clé absente d’une traduction : "warning" (par défaut), "error", ou "off" là où l’application affiche alors le texte source (Hugo, i18next).
init-wrote = { $path } écrit (disposition : { $layout }).
init-prose-only = Seuls les fichiers de texte sont des documents : laissés de côté { $kinds } (modifiez `include` pour les garder).
init-no-languages = Aucun dossier de traduction trouvé : ajoutez vos langues à `languages`.
init-records-none = Aucun fichier Markdown n’a d’en-tête : records = "none", les traductions sont jugées d’après leur historique git et `stele mark` ne touche pas aux fichiers (records = "sidecar" garde les enregistrements dans des fichiers .stele).
init-records-sidecar = Les traductions Markdown gardent leurs enregistrements dans des fichiers .stele : records = "sidecar".
init-source-beside = Les sources sont dans { $path }, un dépôt à côté de celui-ci (l’organisation du manuel PHP) : les épingles sont jugées comme revcheck les juge.
init-comment-source = Les sources sont dans un autre dépôt : un clone à cet emplacement (depuis le dossier de ce fichier).
    Les épingles (EN-Revision) y sont résolues, et jugées comme le revcheck du manuel PHP les juge.
init-lunaria = Langues reprises de { $file } ; stele lit ses mots-clés de commits et son localizableProperty à chaque exécution.
init-next = Ensuite : `stele status`.

## Erreurs

label-error = erreur :
label-caused-by = cause :
label-hint = conseil :

label-warning = attention :
warning-non-utf8-path = { $path } ignoré : son nom n’est pas en UTF-8 valide ou contient un saut de ligne
warning-symlink-folder = { $path } ignoré : c’est un lien symbolique, et stele ne suit pas les liens (git non plus)
warning-lang-unused = corpus « { $corpus } » : aucun fichier n’est en { $lang } (écrit { $spelled } dans stele.toml)
warning-lang-unused-names = corpus « { $corpus } » : aucun fichier n’est en { $lang } (écrit { $spelled } dans stele.toml) ; les fichiers nomment leurs langues { $names }
warning-nested-repository = { $path } ignoré : c’est un dépôt à part entière (un sous-module) ; lancez stele dans ce dépôt
note-not-text = { $count ->
    [one] un fichier du corpus { $corpus } n’est pas du texte (une image, une police…) et a été laissé de côté ; -vv le nomme
   *[other] { $count } fichiers du corpus { $corpus } ne sont pas du texte (images, polices…) et ont été laissés de côté ; -vv les nomme
}
note-not-text-path = { $path } laissé de côté : ce n’est pas du texte
note-other-language = { $count ->
    [one] un fichier du corpus { $corpus } porte le nom d’une langue que le corpus ne suit pas et a été laissé de côté ; -vv le nomme
   *[other] { $count } fichiers du corpus { $corpus } portent le nom de langues que le corpus ne suit pas et ont été laissés de côté ; -vv les nomme
}
note-other-language-path = { $path } laissé de côté : son nom est celui d’une langue absente de `languages`
note-not-localizable = { $count ->
    [one] une page du corpus { $corpus } dont l’en-tête ne porte pas { $key }: true (pas prête à traduire) a été laissée de côté avec ses traductions ; -vv la nomme
   *[other] { $count } pages du corpus { $corpus } dont l’en-tête ne porte pas { $key }: true (pas prêtes à traduire) ont été laissées de côté avec leurs traductions ; -vv les nomme
}
note-not-localizable-path = { $path } laissé de côté avec ses traductions : pas prêt à traduire
note-links = { $count ->
    [one] un lien symbolique du corpus { $corpus } a été laissé de côté (stele ne suit pas les liens, git non plus) ; -vv le nomme
   *[other] { $count } liens symboliques du corpus { $corpus } ont été laissés de côté (stele ne suit pas les liens, git non plus) ; -vv les nomme
}
note-link-path = { $path } laissé de côté : un lien symbolique

error-config-not-found = aucun stele.toml dans { $dir } ni dans un dossier parent
error-read = impossible de lire { $path }
error-write = impossible d’écrire { $path }
error-config-syntax = { $path }, ligne { $line } : la configuration est illisible
error-config-invalid = { $path }, ligne { $line } : la configuration n’est pas valide
error-lunaria-syntax = { $path }, ligne { $line } : stele ne sait pas lire la configuration de Lunaria
error-lunaria-not-literal = { $path }, ligne { $line } : la configuration de Lunaria contient du code et non un littéral : { $found }
error-lunaria-too-large = { $path }, ligne { $line } : la configuration de Lunaria est trop grande, trop imbriquée ou n’est pas en UTF-8
error-lunaria-keywords = { $line ->
    [0] { $path }
   *[other] { $path }, ligne { $line }
} : « { $key } » dans la configuration de Lunaria n’est pas une liste de textes
error-lunaria-localizable = { $line ->
    [0] { $path }
   *[other] { $path }, ligne { $line }
} : « { $key } » dans la configuration de Lunaria n’est pas un texte
cause-lunaria-syntax = colonne { $column } : le fichier cesse d’avoir un sens ici
cause-lunaria-not-literal = stele lit la configuration sans l’exécuter : des textes, nombres, listes et objets écrits en toutes lettres, dans defineConfig(…) ou non
hint-lunaria-config = stele lit dans la configuration de Lunaria quels commits passer et quelles pages sont prêtes à traduire quand stele.toml ne le dit pas ([history], localizable_key) ; corrigez le fichier, ou dites-le dans stele.toml (docs/config.md)
hint-config-utf8 = enregistrez stele.toml en texte UTF-8
hint-config-corpora = ou décrivez chaque corpus dans une table [corpora.<nom>] : voir docs/config.md
hint-config-top-level-and-corpora = déplacez les clés de corpus du niveau supérieur dans une table [corpora.<nom>] à elles
cause-toml-not-utf8 = le fichier n’est pas du texte UTF-8 valide
cause-toml-syntax = colonne { $column } : ce n’est pas du TOML (une clé, « = », puis une valeur : un texte entre guillemets droits, un nombre ou une liste entre crochets)
hint-toml-syntax = voir https://toml.io pour la syntaxe TOML, et docs/config.md pour les clés de stele.toml
cause-toml-unknown-key = la clé « { $key } » n’existe pas
hint-toml-did-you-mean = vouliez-vous dire « { $suggestion } » ?
hint-toml-known-keys = les clés possibles ici : { $known }
cause-toml-missing-key = la clé « { $key } » manque
cause-toml-wrong-type = « { $key } » attend { $expected }, pas { $found } : { $value }
toml-expected-text = un texte entre guillemets droits
toml-expected-texts = une liste de textes entre guillemets droits, comme ["a", "b"]
toml-expected-count = un nombre entier positif ou nul
toml-expected-table = une table
toml-expected-table-of-texts = une table dont les valeurs sont des listes de textes
toml-expected-tables = une liste de tables, chacune écrite [[…]]
toml-found-text = un texte
toml-found-integer = un nombre entier
toml-found-float = un nombre décimal
toml-found-boolean = une valeur vrai ou faux
toml-found-datetime = une date
toml-found-array = une liste
toml-found-table = une table
cause-config-top-level-and-corpora = « { $key } » est une clé de corpus au niveau supérieur, à côté de tables [corpora.<nom>] : un fichier décrit un seul corpus au niveau supérieur ou plusieurs dans des tables, pas les deux
cause-config-no-corpus = la table [corpora] ne définit aucun corpus
cause-config-unknown-value = « { $key } » vaut { $allowed }, pas « { $value } »
cause-config-percentage = « { $key } » est un pourcentage de 0 à 100, ou une table de pourcentages par langue (avec « default »), pas { $value }
cause-config-layout-shape = « { $key } » est un motif, ou une table avec un motif « source » et un motif « translation »
cause-link-not-http = le lien n’est pas une adresse http:// ou https://
cause-link-unsafe = le lien contient une espace, un guillemet ou un chevron
cause-link-unclosed = le lien ouvre un paramètre qu’il ne ferme pas
cause-link-unknown-placeholder = les paramètres du lien sont { $known }, pas { $name }
cause-link-no-path = il manque au lien le paramètre { $placeholder }
cause-glob-recursive = « ** » doit occuper tout un élément du chemin, comme dans docs/**/brouillon.md
cause-glob-unclosed-class = un « [ » sans son « ] »
cause-glob-invalid-range = l’intervalle { $from }–{ $to } est à l’envers
cause-glob-unopened-alternates = une accolade fermante sans son accolade ouvrante
cause-glob-unclosed-alternates = une accolade ouvrante sans son accolade fermante
cause-glob-nested-alternates = des accolades dans des accolades
cause-glob-dangling-escape = une barre oblique inverse à la fin, qui n’échappe rien
cause-glob-other = la bibliothèque de globs le refuse
error-config-invalid-lang = { $path }, ligne { $line } : « { $value } » n’est pas une étiquette de langue valide
error-config-duplicate-lang = { $path }, ligne { $line } : la langue « { $value } » figure deux fois
error-config-layout = { $path }, ligne { $line } : le motif de disposition « { $pattern } » ne peut pas placer de fichiers
error-config-glob = { $path }, ligne { $line } : « { $pattern } » n’est pas un glob valide
error-init-exists = { $path } existe déjà
error-not-a-repo = { $path } n’est pas dans un dépôt git
error-bare-repo = { $path } est un dépôt nu : stele a besoin d’une copie de travail
error-log-source-elsewhere = stele log rejoue l’historique d’un seul dépôt, et les sources du corpus « { $corpus } » sont dans un autre : il ne peut pas dire ce que chaque commit a fait aux traductions
hint-log-source-elsewhere = l’historique des sources s’obtient avec git -C { $path } log, et les états actuels avec stele status
error-source-missing = { $file }, ligne { $line } : le dépôt des sources { $path } n’existe pas
error-source-not-a-repo = { $file }, ligne { $line } : { $path } n’est dans aucun dépôt git
error-source-bare = { $file }, ligne { $line } : { $path } est un dépôt nu : stele a besoin d’une copie de travail des sources
error-source-same-repo = { $file }, ligne { $line } : { $path } est dans le dépôt même des traductions
hint-source-same-repo = retirez [source] et indiquez plutôt l’emplacement des sources dans le layout
error-source-bad-ref = { $file }, ligne { $line } : la référence « { $rev } » ne désigne aucun commit de { $path }
error-source-not-at-ref = { $file }, ligne { $line } : { $path } a un autre commit extrait que celui de la référence « { $rev } »
hint-source-not-at-ref = extrayez-le : git -C { $path } checkout { $rev }
error-source-repo = { $file }, ligne { $line } : le dépôt des sources ne peut pas être lu
error-git = git a échoué pendant l’opération : { $context }
error-corpus-outside-repo = le corpus { $path } est en dehors du dépôt { $repo }
error-corpus-empty = le corpus « { $corpus } » n’a aucun document : aucun fichier ne correspond à { $patterns } (défini dans { $path })
hint-corpus-nearest = le dossier le plus proche qui contient des fichiers est { $folder }/ — la disposition (layout) de { $path } est-elle mal orthographiée ?
hint-corpus-empty = les motifs de la disposition (layout) de { $path } sont relatifs au dossier qui le contient
error-not-utf8 = { $path }, ligne { $line } : le fichier n’est pas du texte UTF-8 valide
error-front-matter = { $path }, ligne { $line } : l’en-tête (front matter) est illisible
cause-front-matter-not-closed = l’en-tête n’est jamais fermé
hint-front-matter-not-closed = terminez-le par une ligne qui ne contient que « --- » (« +++ » en TOML)
cause-front-matter-not-mapping = l’en-tête n’est pas un ensemble de clés avec leurs valeurs
cause-front-matter-too-deep = ses listes et tables s’imbriquent sur plus de { $max } niveaux
cause-front-matter-yaml = colonne { $column } : ce n’est pas du YAML
cause-front-matter-source-commit-toml = un en-tête TOML n’a pas de place pour le l10n.sourceCommit de MDN
error-dictionary = { $path }, ligne { $line } : le dictionnaire est illisible
cause-dict-not-utf8 = le fichier n’est pas du texte UTF-8
cause-dict-too-large = le fichier dépasse { $max } octets, le plus que stele lit dans un dictionnaire
cause-dict-syntax = colonne { $column } : { $expected }
dict-expected-value = une valeur était attendue (un texte entre guillemets, une table ou une liste)
dict-expected-key = une clé était attendue
dict-expected-colon = « : » était attendu après la clé
dict-expected-comma-or-close = « , » ou un crochet fermant était attendu
dict-expected-end-of-text = un texte ou un commentaire n’est pas fermé
dict-expected-escape = cette séquence d’échappement n’est pas valide
dict-expected-end = le fichier devrait se terminer ici
dict-expected-keyword = un mot-clé était attendu ici (msgctxt, msgid, msgid_plural, msgstr), dans cet ordre
dict-expected-wellformed = la syntaxe n’est pas valide ici
cause-dict-duplicate-key = la clé « { $key } » est déjà définie ligne { $first }
cause-dict-wrong-type = la clé « { $key } » contient { $found }, pas un texte
hint-dict-wrong-type = les valeurs d’un dictionnaire sont des textes, des tables de textes ou des listes de textes ; écrivez un nombre ou un booléen entre guillemets
cause-dict-not-a-map = le fichier contient { $found }, pas des clés avec leurs textes
cause-dict-too-deep = ses tables et listes s’imbriquent sur plus de { $max } niveaux
cause-dict-too-many-keys = il définit plus de { $max } clés
cause-dict-not-literal = stele ne lit que des littéraux, et ceci est du code : { $found }
hint-dict-not-literal = stele lit les dictionnaires JavaScript et TypeScript sans les exécuter : exportez un seul objet littéral de textes (les imports, un appel qui l’enveloppe et « as const » sont admis)
dict-kind-text = un texte
dict-kind-number = un nombre
dict-kind-boolean = un booléen
dict-kind-null = rien (null)
dict-kind-datetime = une date
dict-kind-list = une liste
dict-kind-map = une table
dict-kind-alias = un alias YAML, que stele ne développe pas
error-sidecar = { $path }, ligne { $line } : le fichier d’enregistrement (.stele) est illisible
error-mark-not-translation = { $path } n’est pas une traduction de ce corpus
error-mark-is-source = { $path } est une source, pas une traduction
error-mark-missing = { $path } n’existe pas
error-mark-orphan = { $path } n’a pas de source : { $source } n’existe pas
error-mark-no-records = { $path } n’a pas été marqué : le corpus { $corpus } ne garde aucun enregistrement (records = "none" dans stele.toml) ; ses traductions sont jugées d’après leur historique
error-output = impossible d’écrire la sortie
error-cwd = impossible de lire le dossier courant
error-no-such-dir = { $path } n’est pas un dossier
error-path-outside-repo = { $path } est en dehors du dépôt { $repo }
error-no-match = { $path } ne correspond à aucun fichier du corpus
error-nothing-exported = rien à exporter : aucune paire de phrases ou de blocs n’a été trouvée
error-invalid-lang-arg = « { $value } » n’est pas une étiquette de langue valide
error-lang-not-configured = la langue { $lang } n’est pas suivie par ce corpus (langues suivies : { $configured })

cause-not-found = fichier ou dossier introuvable
cause-not-regular-file = ce n’est pas un fichier ordinaire (un dossier, une FIFO ou un périphérique)
cause-symlink = on y arrive par un lien symbolique, que stele ne suit pas
cause-changed-meanwhile = un autre programme l’a modifié pendant que stele l’écrivait ; il est resté tel que cet autre programme l’a écrit : relancez la commande
cause-permission-denied = permission refusée
cause-is-a-directory = c’est un dossier
cause-no-space = plus de place sur le périphérique
cause-io = { $detail }
git-op-open-objects = l’ouverture de la base d’objets
git-op-resolve-head = la résolution de HEAD
git-op-write-blob = l’enregistrement d’un blob
git-op-read-blob = la lecture du blob { $id }
git-op-read-commit = la lecture du commit { $id }
git-op-read-tree-of = la lecture de l’arbre du commit { $id }
git-op-read-tree = la lecture de l’arbre { $id }
git-op-read-parents = la lecture des parents du commit { $id }
git-op-walk-history = le parcours de l’historique
git-op-write-index = la mise à jour de l’index
git-op-compare-with-parent = la comparaison du commit { $id } avec son parent { $parent }
git-op-merge-base = la recherche de la base commune de { $rev } et de HEAD
git-op-compare-with-work-tree = la comparaison de { $rev } avec l’arbre de travail
git-op-compare-with-index = en comparant HEAD aux fichiers indexés
cause-git-missing = l’objet { $id } n’est pas dans le dépôt
cause-git-malformed = l’objet { $id } est endommagé : il ne se lit pas comme un objet de son type
cause-git-not-a-tree = l’objet { $id } n’est pas un arbre
cause-git-damaged-in-pack = l’objet { $id } est endommagé dans son fichier pack (une taille ou un delta incohérent)
cause-git-not-packed = l’objet { $id } n’est dans aucun fichier pack
cause-git-cycle = le commit { $id } est son propre ancêtre : l’historique boucle, ce que seul un objet endommagé ou falsifié peut faire
hint-git-cycle = lancez `git fsck` pour trouver les objets endommagés

layout-missing-path = il n’a pas d’emplacement {"{"}path{"}"}
layout-missing-lang = un motif de traduction a besoin d’un emplacement {"{"}lang{"}"}
layout-repeated = l’emplacement {"{"}{ $name }{"}"} apparaît plus d’une fois
layout-unknown = emplacement inconnu {"{"}{ $name }{"}"} : seuls {"{"}lang{"}"} et {"{"}path{"}"} existent
layout-outside-root = un motif est un chemin relatif à l’intérieur du corpus, sans « .. »
layout-too-long = le motif est trop long pour désigner des fichiers
layout-adjacent = {"{"}lang{"}"} et {"{"}path{"}"} doivent être séparés par un caractère fixe

hint-run-init = lancez `stele init` pour en créer un, ou utilisez -C pour désigner le corpus
hint-no-match = nommez une source ou une traduction (présente ou manquante), ou un dossier qui en contient ; `stele status -v` liste tous les documents
hint-nothing-exported = les lignes ci-dessus disent ce qui a été laissé de côté ; --include-outdated exporte les traductions périmées, --min-score 0 garde toutes les paires
hint-lang-tags = les étiquettes de langue ressemblent à en, fr, es-419, pt-BR ou zh-Hant
hint-layout = par exemple : layout = "content/{"{"}lang{"}"}/{"{"}path{"}"}", voir docs/config.md
hint-init-exists = modifiez-le, ou supprimez-le d’abord pour recommencer
hint-git-init = un corpus vit dans un dépôt git : lancez d’abord `git init`
hint-not-utf8 = stele lit du texte UTF-8 ; écartez les fichiers binaires avec `exclude` dans stele.toml
hint-mark-not-translation = lancez `stele status -v` pour voir quels fichiers sont des traductions
hint-mark-is-source = marquez plutôt les traductions de cette source
hint-mark-no-records = committez la traduction une fois qu’elle correspond à sa source : ce commit est son enregistrement ; ou mettez records = "sidecar" pour garder les enregistrements dans des fichiers .stele à côté des traductions
warning-ui-lang-fallback = stele n’a pas de messages en { $asked } : ils sont en { $used }
hint-lang-by-name = écrivez l’étiquette de la langue : { $tag }, et non « { $name } »
hint-lang-tracked-as = ce corpus suit { $lang } sous le nom { $tag } : --lang { $tag }
hint-lang-not-configured = ajoutez-la à `languages` dans { $path }

## check

cli-arg-corpora = Seulement ce corpus de stele.toml (répéter pour plusieurs) ; tous par défaut
cli-check-about = Vérifier les règles de complétude et de fraîcheur, pour l’intégration continue
cli-check-arg-paths = Seulement les documents dont un fichier se trouve à ces chemins ou en dessous
cli-check-arg-langs = Seulement ces langues (répéter l’option, ou séparer par des virgules)
cli-check-arg-min_complete = Pourcentage minimal de traductions à jour : N pour toutes les langues, ou LANGUE=N (100 par défaut ; pour un changement, aucun sauf s’il est configuré)
cli-check-arg-max_outdated = Nombre maximal de traductions obsolètes par langue (0 par défaut ; pour un changement, aucun sauf s’il est configuré)
cli-check-arg-allow_missing = Traductions qui peuvent manquer : un glob sur les chemins depuis la racine du dépôt
cli-check-arg-changed_since = Seulement les documents dont la source ou les traductions ont changé depuis la base de fusion avec REV (le travail propre d’une pull request)
cli-check-arg-staged = Seulement les documents dont la source ou les traductions sont indexées (ce que le prochain commit changerait) : pour un hook pre-commit
cli-check-arg-format = Format de sortie : text (par défaut), json, junit (rapports de tests d’intégration continue), github (annotations sur une pull request) ou sarif (SARIF 2.1.0, pour l’analyse de code)
cli-check-after =
    Les règles viennent de [check] dans stele.toml ; les options données ici les remplacent. Avec --changed-since ou --staged, un changement est jugé sur ce qu’il a changé (docs/config.md) : une traduction qu’il touche doit finir à jour ; celle que ses modifications de la source rendent obsolète est un avertissement.
    Codes de sortie : 0 toutes les règles sont respectées (avertissements à part) ; 1 le corpus enfreint une règle ; 2 erreur d’utilisation, de configuration ou d’exécution.
check-missing = manquante (traduire { $source })
check-outdated = obsolète
check-outdated-because = obsolète : { $reason }
check-orphan = orpheline : sa source n’existe plus
check-unknown = état inconnu
check-unknown-because = état inconnu : { $reason }
check-message-missing = le message « { $id } » manque
check-message-outdated = le message « { $id } » a changé dans la source depuis cette traduction
check-message-obsolete = le message « { $id } » n’est plus dans la source
check-key-missing = la clé « { $key } » manque
check-key-outdated = la clé « { $key } » a changé dans la source depuis cette traduction
check-key-orphan = la clé « { $key } » n’est plus dans la source
check-key-fuzzy = l’entrée « { $key } » est marquée floue (fuzzy) : sa traduction attend une relecture
check-key-untranslated = l’entrée « { $key } » n’est pas traduite
check-broken-reference = le message « { $id } » renvoie à « { $target } », que ce fichier ne définit pas
check-syntax-error = erreur de syntaxe : { $message }
ftl-expected-token = « { $token } » était attendu ici
ftl-expected-char-range = l’un des caractères { $range } était attendu ici
ftl-expected-message-field = le message « { $id } » n’a ni valeur ni attribut
ftl-expected-term-field = le terme « { $id } » n’a pas de valeur
ftl-forbidden-callee = on ne peut pas appeler de fonction ici
ftl-missing-default-variant = la sélection n’a pas de variante par défaut (marquée d’un *)
ftl-missing-value = une valeur était attendue ici
ftl-multiple-default-variants = la sélection a plus d’une variante par défaut (marquée d’un *)
ftl-message-reference-as-selector = un message ne peut pas choisir une variante
ftl-term-reference-as-selector = un terme ne peut pas choisir une variante
ftl-message-attribute-as-selector = l’attribut d’un message ne peut pas choisir une variante
ftl-term-attribute-as-placeable = l’attribut d’un terme ne peut pas être inséré dans le texte
ftl-unterminated-string = un texte entre guillemets n’est jamais fermé
ftl-positional-after-named = un argument sans nom suit un argument nommé
ftl-duplicated-argument = l’argument « { $name } » est donné deux fois
ftl-unknown-escape = « { $sequence } » n’est pas une séquence d’échappement que Fluent connaît
ftl-invalid-unicode-escape = « { $sequence } » n’est pas un échappement Unicode valide
ftl-unbalanced-closing-brace = une accolade fermante sans son accolade ouvrante
ftl-expected-inline-expression = une expression était attendue ici
ftl-expected-simple-selector = une variable, un texte ou un nombre était attendu comme sélecteur
ftl-expected-literal = un texte entre guillemets ou un nombre était attendu ici
ftl-too-deep = les paramètres s’imbriquent sur plus de { $max } niveaux
check-below-minimum = { $lang } est achevé à { $percent } %, sous le minimum de { $min } %
check-too-many-outdated = { $lang } a { $count ->
    [one] une traduction obsolète
   *[other] { $count } traductions obsolètes
    }, plus que le maximum permis ({ $max })
check-fix-missing = traduire { $source } dans { $path }, puis lancer `stele mark { $path }`
check-fix-outdated = voir ce qui a changé avec `stele diff { $path }`, mettre la traduction à jour, puis lancer `stele mark { $path }`
check-fix-orphan = la supprimer (`git rm { $path }`) ou rétablir sa source
check-fix-shallow = récupérer tout l’historique (`git fetch --unshallow`), ou enregistrer les bases avec `stele mark`
check-ok = ok
check-failed-lang = échec
check-lang-summary = achevé à { $percent } %{ $min_applied ->
    [no] {""}
   *[yes] {" "}(minimum { $min } %)
    }, { $outdated ->
    [one] { $outdated } obsolète
   *[other] { $outdated } obsolètes
    }{ $max_applied ->
    [no] {""}
   *[yes] {" "}(maximum { $max })
    }
check-sources = sources :
check-more = { $count ->
    [one] un autre problème non listé : --all les liste tous, --lang { $lang } tous ceux de cette langue
   *[other] { $count } autres problèmes non listés : --all les liste tous, --lang { $lang } tous ceux de cette langue
}
check-more-sources = { $count ->
    [one] un autre problème non listé : --all les liste tous
   *[other] { $count } autres problèmes non listés : --all les liste tous
}
check-passed = vérification réussie : { $langs ->
    [one] une langue
   *[other] { $langs } langues
    }, { $translations ->
    [one] une traduction vérifiée
   *[other] { $translations } traductions vérifiées
    }
check-failed = vérification échouée : { $count ->
    [one] un problème
   *[other] { $count } problèmes
    } ({ $translations ->
    [one] une traduction vérifiée
   *[other] { $translations } traductions vérifiées
    })
check-passed-warnings = vérification réussie : { $langs ->
    [one] une langue
   *[other] { $langs } langues
    }, { $translations ->
    [one] une traduction vérifiée
   *[other] { $translations } traductions vérifiées
    }, { $warnings ->
    [one] un avertissement
   *[other] { $warnings } avertissements
    }
check-failed-warnings = vérification échouée : { $count ->
    [one] un problème
   *[other] { $count } problèmes
    }, { $warnings ->
    [one] un avertissement
   *[other] { $warnings } avertissements
    } ({ $translations ->
    [one] une traduction vérifiée
   *[other] { $translations } traductions vérifiées
    })
check-junit-rules = règles de la langue
label-fix = correction :
status-corpus = Corpus { $name }
status-source-syntax-error = { $path }, ligne { $line } : erreur de syntaxe : { $message }
reason-source-changed-short = la source a changé depuis la version d’où la traduction a été faite
reason-messages = messages : { $missing } manquants, { $outdated } modifiés dans la source, { $obsolete } obsolètes, { $broken } références cassées
reason-messages-short = des messages manquent, ont changé ou sont obsolètes
reason-keys = clés : { $missing } manquantes, { $outdated } modifiées dans la source, { $orphan } absentes de la source, { $review } floues ou non traduites (sur { $total })
reason-keys-short = des clés manquent, ont changé ou ne sont plus dans la source
reason-syntax-error = { $count ->
    [one] une erreur de syntaxe
   *[other] { $count } erreurs de syntaxe
    } (la première ligne { $line })
reason-syntax-error-short = erreurs de syntaxe
error-unknown-corpus = stele.toml ne définit aucun corpus nommé « { $name } » (corpus définis : { $known })
hint-unknown-corpus = les corpus sont les tables [corpora.<nom>] de { $path }
error-bad-rule = { $option } { $value } : un pourcentage de 0 à 100 est attendu, ou LANGUE=POURCENTAGE
error-bad-score = --min-score { $value } : un score entre 0 et 1 est attendu
error-bad-count = { $option } { $value } : un nombre entier est attendu, { $min } ou plus
error-same-output = { $first } et { $second } désignent tous deux { $path } : une même exécution ne peut pas écrire deux fichiers au même endroit ; rien n’a été écrit
hint-same-output = donnez à chaque option son propre fichier
hint-default-output-link = stele a choisi ce nom lui-même et n’écrit pas à travers un lien à cet endroit : supprimez le lien, ou indiquez un autre emplacement avec { $option }
error-bad-glob = « { $pattern } » n’est pas un glob valide
error-bad-revision = « { $rev } » ne désigne aucun commit de ce dépôt
hint-bad-revision = en intégration continue, récupérez d’abord la branche cible (par exemple `git fetch origin main`), et utilisez son nom complet (origin/main)

## diff, log, ack

cli-diff-about = Montrer ce qui a changé dans une source depuis que ses traductions ont été faites, mot à mot
cli-diff-arg-target = Un fichier source ou de traduction, ou l’identifiant d’un document
cli-diff-arg-langs = Seulement ces langues (répéter l’option, ou séparer par des virgules)
cli-diff-arg-from = Comparer le fichier tel qu’il était à cette révision…
cli-diff-arg-to = …avec cette révision (par défaut : la copie de travail)
cli-diff-arg-side_by_side = Montrer les changements de la source et la traduction sur deux colonnes
cli-diff-arg-format = Format de sortie : text (par défaut) pour les personnes, json pour les programmes
cli-log-about = Montrer l’historique d’un document, ou sans document les derniers changements de sources et où en sont leurs traductions
cli-log-arg-target = Un fichier source ou traduction, ou un identifiant de document ; toutes les sources des corpus si absent
cli-log-arg-format = Format de sortie : text (par défaut) pour les personnes, json pour les programmes
cli-log-arg-max_count = Au plus ce nombre de commits (par défaut : 20 sans document, tous avec)
cli-ack-about = Déclarer que le dernier changement d’une source ne demande pas de retraduction (une coquille, par exemple)
cli-ack-arg-source = La source dont le dernier changement ne demande pas de retraduction
cli-ack-arg-cosmetic = Toutes les sources du corpus dont la dernière modification est seulement cosmétique (espaces, ponctuation, typographie, casse, fautes de frappe)
cli-ack-arg-dry_run = Montrer ce qui changerait, sans rien écrire
cli-ack-arg-force = Prendre en compte une modification qui n’est pas seulement cosmétique (mots, nombres, liens ou code modifiés)
status-stale-blocks = { $blocks ->
    [one] un bloc
   *[other] { $blocks } blocs
    } à mettre à jour ({ $words ->
    [one] un mot
   *[other] { $words } mots
    })
status-stale-cosmetic = changements de forme seulement (`stele ack` sur la source si aucune mise à jour n’est nécessaire)
diff-heading = { $path } ({ $lang }) : { $state }
diff-heading-reason = { $path } ({ $lang }) : { $state }, { $reason }
diff-summary = Source { $source } : { $blocks ->
    [one] un bloc
   *[other] { $blocks } blocs
    } à mettre à jour ({ $words ->
    [one] un mot
   *[other] { $words } mots
    }).
diff-block = { $kind }, { $change } · lignes { $s1 }–{ $s2 } de la source · lignes { $t1 }–{ $t2 } de la traduction
diff-message-changed = message { $id }, modifié dans la source · ligne { $line } de la traduction
diff-message-missing = message { $id }, absent de la traduction · ligne { $line } de la source
diff-message-obsolete = message { $id }, qui n’est plus dans la source · ligne { $line } de la traduction
diff-key-changed = clé { $id }, modifiée dans la source · ligne { $line } de la traduction
diff-key-missing = clé { $id }, absente de la traduction · ligne { $line } de la source
diff-key-obsolete = clé { $id }, qui n’est plus dans la source · ligne { $line } de la traduction
diff-key-fuzzy = entrée { $id }, marquée floue · ligne { $line } de la traduction
diff-key-untranslated = entrée { $id }, non traduite · ligne { $line } de la traduction
diff-kind-changed = modifié
diff-kind-added = ajouté
diff-kind-removed = supprimé
diff-change-cosmetic = de forme
diff-change-mechanical = mécanique
diff-change-content = de fond
diff-label-source = source :
diff-label-translation = traduction :
diff-label-source-column = source (changements)
diff-label-translation-column = traduction
diff-insert-here = (le nouveau texte va ici)
diff-missing = Elle n’existe pas encore : traduire { $source }.
diff-no-basis = La version de la source d’après laquelle elle a été faite n’est pas dans ce dépôt : impossible de montrer ce qui a changé dans { $source }.
diff-all-current = Toutes les traductions de { $id } sont à jour : rien n’a changé dans sa source depuis.
diff-none-outdated = Aucune traduction de { $id } n’est périmée : { $states }.
diff-nothing = Rien à montrer pour { $target }.
diff-revisions = { $path } : { $from } → { $to }
diff-hunk = lignes { $o1 }–{ $o2 } → { $n1 }–{ $n2 }, { $change }
diff-work-tree = copie de travail
diff-no-changes = Aucun changement.
log-heading = { $id } : source { $source } ({ $lang })
log-empty = Aucun commit ne l’a encore modifié.
log-added = ajoutée
log-changed = modifiée
log-marked = marquée
log-deleted = supprimée
log-renamed = renommée
log-skipped = pas un travail de traduction
log-corpus-empty = Aucun commit n’a encore changé de source.
log-corpus-heading = { $count ->
    [one] Le dernier commit qui a changé une source, et où en sont ses traductions :
   *[other] Les { $count } derniers commits qui ont changé des sources, et où en sont leurs traductions :
    }
log-now = aujourd’hui : { $states }
log-more-current = { $count } autres à jour
log-source = source { $change }
log-translation = { $lang } { $change }
log-states = ensuite : { $states }
ack-summary = { $source } : le changement de { $previous } à { $current } ne demande pas de retraduction ; { $count ->
    [one] une traduction passe
   *[other] { $count } traductions passent
    } à { $current }.
ack-cosmetic-summary = { $count ->
    [one] une source prise en compte
   *[other] { $count } sources prises en compte
    } ; { $left ->
    [one] une laissée : sa modification est plus que cosmétique
   *[other] { $left } laissées : leur modification est plus que cosmétique
    }
ack-summary-dry-run = { $source } : le changement de { $previous } à { $current } ne demande pas de retraduction ; { $count ->
    [one] une traduction passerait
   *[other] { $count } traductions passeraient
    } à { $current } (simulation : rien n’est écrit).
ack-cosmetic-summary-dry-run = { $count ->
    [one] une source serait prise en compte
   *[other] { $count } sources seraient prises en compte
    } (simulation : rien n’est écrit) ; { $left ->
    [one] une laissée : sa modification est plus que cosmétique
   *[other] { $left } laissées : leur modification est plus que cosmétique
    }
ack-moved = { $path } écrit
ack-would-move = { $path } serait écrit
ack-left-current = { $path } laissé tel quel : déjà à jour
ack-left-outdated = { $path } laissé tel quel : déjà obsolète avant ce changement
ack-left-missing = { $path } laissé tel quel : il n’existe pas
error-ack-not-cosmetic = { $path } : la dernière modification n’est pas seulement cosmétique, elle peut demander une nouvelle traduction ; rien n’a été pris en compte
cause-ack-content = ligne { $line } : les mots ont changé : « { $old } » → « { $new } »
cause-ack-mechanical = ligne { $line } : des nombres, des liens ou du code ont changé : « { $old } » → « { $new } »
hint-ack-not-cosmetic = `stele diff` sur une traduction de { $path } montre la modification ; `stele ack --force` la prend en compte malgré tout
error-ack-not-source = { $path } n’est pas une source de ce corpus
hint-ack-not-source = ack prend la source dont le changement ne demande pas de retraduction ; mark prend des traductions
error-no-earlier-version = { $path } n’a pas de version antérieure à laquelle se comparer
error-no-such-target = { $target } n’est ni un fichier ni un document du corpus
hint-no-such-target = indiquez un fichier source ou de traduction, ou l’identifiant d’un document tel que `stele status -v` l’affiche
error-not-at-revision = { $path } n’existe pas à { $rev }

## align

cli-align-about = Aligner deux fichiers texte phrase par phrase, hors de tout corpus
cli-align-arg-source = Le fichier source : un paragraphe par ligne (une phrase par ligne avec --presegmented)
cli-align-arg-target = Le fichier cible, de même
cli-align-arg-langs = Les deux langues, la source d’abord : en,fr
cli-align-arg-presegmented = Les fichiers ont déjà une phrase par ligne : ne pas les découper
cli-align-arg-format = Format de sortie : beads (par défaut : `i,j:k,l`, numéros de phrases à partir de 0, `5:` et `:7` pour une phrase sans correspondante) ou tsv (source, cible, score)
cli-align-arg-sentences_out = Écrire les phrases découpées dans DOSSIER/source.txt et DOSSIER/target.txt, une par ligne

## export

cli-export-about = Exporter des paires bilingues alignées : TMX, TSV, JSONL, Moses, XLIFF ou PO
cli-export-arg-pair = Les deux langues, la source d’abord : fr-en (ou fr,en, fr:en)
cli-export-arg-format = Format de sortie : tmx (par défaut, TMX 1.4b), tsv (source, cible, score, document), jsonl, moses (deux fichiers, CHEMIN.<source> et CHEMIN.<cible>), xliff (XLIFF 2.0) ou po (gettext)
cli-export-arg-level = sentence (phrases, par défaut) ou paragraph (paragraphes)
cli-export-arg-output = Écrire dans ce fichier (écrit en entier, puis mis en place) plutôt que sur la sortie standard
cli-export-arg-code = Exporter aussi le code : lignes de commande et blocs de code, chacun noté selon sa ressemblance avec son pendant (laissés de côté par défaut)
cli-export-arg-include_outdated = Exporter aussi les traductions obsolètes (seulement celles à jour par défaut)
cli-export-arg-min_score = Écarter les paires dont la probabilité d’être une traduction l’une de l’autre est inférieure à X, de 0 à 1 (0,1 par défaut, qui garde environ 99 % des paires correctes)
cli-export-arg-left_out = Écrire dans FICHIER (JSON) chaque phrase ou bloc non exporté, où il se trouve et pourquoi
cli-export-arg-paths = Seulement les documents dont un fichier se trouve à ces chemins ou en dessous
export-summary = { $pairs ->
    [one] Une paire exportée
   *[other] { $pairs } paires exportées
    } ({ $level }) depuis { $documents ->
    [one] un document
   *[other] { $documents } documents
    }.
export-level-sentence = phrases
export-level-paragraph = paragraphes
export-left-missing = écartés : { $count ->
    [one] un document
   *[other] { $count } documents
    } sans l’une des deux langues
export-left-not-current = écartés : { $count ->
    [one] un document
   *[other] { $count } documents
    } dont la traduction n’est pas à jour (--include-outdated les exporte)
export-left-not-text = écartées : { $count ->
    [one] une ressource Fluent
   *[other] { $count } ressources Fluent
    } (seuls les corpus de textes sont exportés)
export-left-score = écartées : { $count ->
    [one] une paire
   *[other] { $count } paires
    } sous --min-score
export-left-basis-unreadable = écartés : { $count ->
    [one] un document
   *[other] { $count } documents
    } dont la version source de la traduction périmée est illisible
export-changed-since = non exportés : { $count ->
    [one] un bloc
   *[other] { $count } blocs
    } de traductions périmées dont la source a changé depuis leur traduction
export-why-no-counterpart = sans équivalent
export-why-source-changed = sa source a changé depuis sa traduction
export-why-below-score = score de { $score }, sous --min-score
export-unpaired = non exportés : { $count ->
    [one] une phrase ou un bloc
   *[other] { $count } phrases ou blocs
    } sans correspondant
error-same-language-pair = { $option } « { $value } » associe une langue à elle-même : nommez deux langues différentes
error-bad-pair = « { $value } » n’est pas une paire de langues du corpus
error-bad-lang-pair = « { $value } » n’est pas une paire de langues
hint-bad-pair = écrivez d’abord la langue source : { $option } fr-en, { $option } fr,en ou { $option } pt-BR:en
error-needs-commit = { $path } : son épingle ({ $pin }) enregistre un commit, et la source a des modifications non validées
hint-needs-commit = validez d’abord la source (commit), puis marquez la traduction
error-not-read-back = { $path } : stele écrirait une épingle ({ $pin }) qui ne se relit pas telle qu’écrite ; le fichier reste tel quel
hint-not-read-back = écrivez l’épingle sur une ligne à elle, au premier niveau du front matter
error-filter-driver = { $path } : le filtre « { $driver } » s’applique, et stele n’exécute pas les filtres
hint-filter-driver = excluez le fichier du corpus (exclude = […] dans stele.toml), ou retirez le filtre de .gitattributes
error-hash-failed = { $path } : impossible de calculer l’identifiant de blob git du fichier
error-moses-needs-output = le format moses écrit deux fichiers : donnez leur chemin commun avec -o (par exemple -o corpus, pour corpus.{ $source } et corpus.{ $target })

# stele mv, and renamed sources
cli-mv-about = Déplacer un document : sa source et toutes ses traductions, avec leurs enregistrements (ou les traductions après une source que git a déjà déplacée)
cli-mv-arg-old = Le chemin actuel de la source, ou d’avant son déplacement par git
cli-mv-arg-new = Le nouveau chemin de la source
cli-mv-arg-dry_run = Montrer ce qui serait déplacé ; ne rien déplacer
cli-mv-arg-quiet = Ne rien afficher
cli-mv-arg-verbose = Afficher chaque déplacement (comme sans -v)
mv-moved = { $from } déplacé → { $to }
mv-would-move = { $from } serait déplacé → { $to }
error-mv-not-source = { $path } n’est la source d’aucun document
hint-mv-not-source = donnez le chemin de la source tel que `stele status` l’affiche (pour un orphelin, le chemin qu’il donne pour sa source)
error-mv-not-source-path = { $path } n’est pas un emplacement de source du corpus { $corpus }
error-mv-same = le document est déjà à { $path }
error-mv-exists = { $path } existe déjà : rien n’a été déplacé
error-mv-outside = { $path } serait hors du dépôt (un dossier du chemin est un lien) : rien n’a été déplacé
error-mv-git-folder = { $path } est dans un dossier nommé .git, que git garde pour lui et ne suit jamais : rien n’a été déplacé
error-mv-nothing = aucun fichier du document de { $path } n’existe : rien à déplacer
error-mv-io = impossible de déplacer { $from } vers { $to } (les fichiers déplacés avant lui sont revenus à leur place)
status-orphan-renamed = sa source a été renommée en { $to } : `stele mv { $from } { $to }` la déplace
diff-orphan = Sa source { $source } n’existe pas : il n’y a rien à comparer.
diff-orphan-renamed = Sa source { $source } a été renommée en { $to } : déplacez la traduction avec `stele mv { $source } { $to }`.
mv-pinned = Version de la source d’origine enregistrée dans { $path } ({ $blob }) : son historique reste à l’ancien chemin
mv-would-pin = Enregistrerait dans { $path } la version de la source d’origine ({ $blob })

# stele qa
cli-qa-about = Vérifier les traductions comme un relecteur : nombres, omissions, texte non traduit, liens, termes
cli-qa-arg-paths = Seulement les documents ayant un fichier à ces chemins ou en dessous
cli-qa-arg-langs = Seulement ces langues (répéter l’option, ou séparer par des virgules)
cli-qa-arg-include_outdated = Vérifier aussi les traductions obsolètes (seulement celles à jour par défaut)
cli-qa-arg-format = Format de sortie : text (par défaut), json, github (annotations) ou sarif (SARIF 2.1.0, pour l’analyse de code)
cli-qa-arg-quiet = N’afficher que la ligne de chaque constat, sans les deux textes
cli-qa-arg-verbose = Afficher de même (chaque constat est toujours affiché)
label-error-bare = erreur
label-warning-bare = avertissement
qa-number = les nombres diffèrent : { $missing } dans la source, { $extra } dans la traduction
qa-enumeration = la source énumère { $source } éléments, la traduction { $translation } : pas d’équivalent pour { $missing }
qa-omission = texte de la source sans équivalent dans la traduction
qa-addition = texte de la traduction sans équivalent dans la source
qa-untranslated = laissé tel quel
qa-spacing = une espace perdue ou en trop : « { $text } »
qa-url = les adresses diffèrent : { $missing } dans la source, { $extra } dans la traduction
qa-link = les cibles des liens diffèrent : { $missing } dans la source, { $extra } dans la traduction
qa-image = les images diffèrent : { $missing } dans la source, { $extra } dans la traduction
qa-inline-code = le code diffère : { $missing } dans la source, { $extra } dans la traduction
qa-emphasis = { $source } passages mis en relief dans la source, { $translation } dans la traduction
qa-heading = les titres diffèrent : { $source } dans la source, { $translation } dans la traduction (ou leurs niveaux)
qa-code-block = { $source } blocs de code dans la source, { $translation } dans la traduction
qa-code-block-changed = un bloc de code diffère de celui de la source
qa-brackets = parenthèse non fermée dans la traduction (fermée dans la source) : { $text }
qa-quotes = guillemet non fermé dans la traduction (fermé dans la source) : { $text }
qa-conflict-marker = un marqueur de conflit git : { $text }
qa-placeholder = texte provisoire laissé dans la traduction : { $text }
qa-terminology = « { $source } » se traduit « { $translation } » selon le glossaire
qa-forbidden-term = « { $source } » est une variante que le glossaire interdit
qa-key-placeholder = les variables diffèrent : { $missing } dans la source, { $extra } dans la traduction
qa-key-tag = les balises HTML diffèrent : { $missing } dans la source, { $extra } dans la traduction
qa-key-spaces = les espaces au début ou à la fin diffèrent de ceux de la source
qa-key-spaces-leading = la source commence par une espace et pas la traduction, ou l’inverse
qa-key-spaces-trailing = la source finit par une espace et pas la traduction, ou l’inverse
qa-icu-syntax = les accolades du message ICU ne s’équilibrent plus (elles s’équilibrent dans la source)
qa-summary = { $errors ->
    [one] une erreur
   *[other] { $errors } erreurs
    }, { $warnings ->
    [one] un avertissement
   *[other] { $warnings } avertissements
    } dans { $translations ->
    [one] une traduction
   *[other] { $translations } traductions
    } ({ $suppressed } ignorés)
qa-summary-clean = Aucun constat dans { $translations ->
    [one] une traduction
   *[other] { $translations } traductions
    } ({ $suppressed } ignorés).
qa-rule-number = Nombres, dates et montants qui diffèrent
qa-rule-enumeration = Une énumération dont la traduction omet des éléments
qa-rule-omission = Texte de la source sans équivalent
qa-rule-addition = Texte de la traduction sans équivalent
qa-rule-untranslated = Texte non traduit
qa-rule-spacing = Une espace perdue ou en trop
qa-rule-url = Adresses qui diffèrent
qa-rule-link = Cibles de liens qui diffèrent
qa-rule-image = Images qui diffèrent
qa-rule-inline-code = Code qui diffère
qa-rule-emphasis = Mise en relief qui diffère
qa-rule-heading = Titres qui diffèrent
qa-rule-code-block = Blocs de code qui diffèrent
qa-rule-brackets = Parenthèses non fermées
qa-rule-quotes = Guillemets non fermés
qa-rule-conflict-marker = Un marqueur de conflit git
qa-rule-placeholder = Texte provisoire
qa-rule-terminology = Un terme du glossaire mal traduit
qa-rule-forbidden-term = Une variante que le glossaire interdit
qa-rule-key-placeholder = Variables qui diffèrent dans une clé de dictionnaire
qa-rule-key-tag = Balises HTML qui diffèrent dans une clé de dictionnaire
qa-rule-key-spaces = Espaces de début ou de fin qui diffèrent dans une clé de dictionnaire
qa-rule-icu-syntax = Syntaxe de message ICU cassée dans une clé de dictionnaire
error-qa-unknown-check = { $path }, ligne { $line } : il n’y a pas de vérification `{ $id }`
hint-qa-checks = les vérifications sont : { $known }
error-glossary-read = impossible de lire le glossaire { $path }
error-glossary-syntax = { $path }, ligne { $line } : le glossaire est illisible
error-glossary-too-large = { $path }, ligne { $line } : le glossaire dépasse { $max } octets, sa taille maximale
error-glossary-table-too-large = { $path }, ligne { $line } : cette table du glossaire (un [[term]] et les lignes jusqu’au suivant, ou des termes écrits dans un seul tableau) fait { $bytes } octets, plus que les { $max } permis
error-glossary-too-many-terms = { $path }, ligne { $line } : le glossaire a plus de { $max } termes, le nombre maximal
error-glossary-spelling-too-long = { $path }, ligne { $line } : une graphie de ce terme en « { $lang } » fait { $bytes } octets, plus que les { $max } permis
error-glossary-too-many-spellings = { $path }, ligne { $line } : ce terme a { $count } graphies, plus que les { $max } permises
hint-glossary-limits = les limites d’un glossaire sont décrites dans docs/config.md (What stele qa checks)
check-qa-heading = Qualité (stele qa) :
check-rule-missing = Une traduction manque
check-rule-outdated = Une traduction est obsolète
check-rule-orphan = Une traduction n’a pas de source
check-rule-unknown = L’état d’une traduction est inconnu
check-rule-message-missing = Un message manque
check-rule-message-outdated = Un message est obsolète
check-rule-message-obsolete = Un message n’existe plus dans la source
check-rule-key-missing = Une clé de dictionnaire manque
check-rule-key-outdated = Une clé de dictionnaire est obsolète
check-rule-key-orphan = Une clé de dictionnaire n’existe plus dans la source
check-rule-key-to-review = Une entrée PO est floue ou non traduite
check-rule-broken-reference = Un message renvoie à un message absent
check-rule-syntax-error = Un fichier est illisible
check-rule-below-minimum = Une langue est sous son minimum
check-rule-too-many-outdated = Une langue a trop de traductions obsolètes

# status --format markdown
md-title = État des traductions
md-sources = { $count ->
    [one] 1 document source.
   *[other] { $count } documents sources.
}
md-change-clean = Ce changement ne laisse aucune traduction à mettre à jour.
md-change-left = { $count ->
    [one] Ce changement laisse 1 traduction à écrire ou à mettre à jour
   *[other] Ce changement laisse { $count } traductions à écrire ou à mettre à jour
}
md-needs-work = { $count ->
    [one] 1 traduction demande du travail
   *[other] { $count } traductions demandent du travail
}
md-col-state = État
md-col-file = Fichier
md-col-detail = Détail
md-col-keys = Clés
md-missing-detail = { $words ->
    [one] 1 mot à traduire
   *[other] { $words } mots à traduire
}
md-orphan-renamed = sa source a été renommée en { $to }

# stele report
cli-report-about = Écrire un rapport HTML du corpus (un seul fichier autonome), des badges shields.io et des données de bandeau pour un site statique
cli-report-arg-paths = Seulement les documents ayant un fichier à ces chemins ou en dessous
cli-report-arg-langs = Seulement ces langues (répéter l’option, ou les séparer par des virgules)
cli-report-arg-output = Où écrire le rapport HTML (par défaut : stele-report.html, sauf avec --badges ou --banners ; - pour la sortie standard)
cli-report-arg-badges = Écrire aussi un badge shields.io (endpoint) par langue dans ce dossier (LANG.json ; avec plusieurs corpus, CORPUS/LANG.json)
cli-report-arg-banners = Écrire aussi les données de bandeau dans ce fichier : l’état de chaque traduction, par chemin, pour qu’un site affiche « cette traduction est peut-être obsolète »
cli-report-arg-banners_missing = Avec --banners : les traductions manquantes aussi (omises par défaut : un site n’a pas de page pour elles)
cli-report-arg-history = Combien de commits le graphique d’historique remonte (50 par défaut ; 0 pour aucun)
cli-report-arg-quiet = Ne rien afficher
cli-report-arg-verbose = Afficher la même chose
report-title = Rapport de traduction
report-subtitle = Commit { $commit } · corpus { $corpora } · produit par stele { $version }
report-skip = Aller aux documents
report-summary-heading = Avancement par langue
report-heat-heading = Avancement par dossier
report-heat-caption = Part des traductions à jour, par dossier et par langue
report-heat-cell = { $current } sur { $total } à jour
report-folder-top = (premier niveau)
report-history-heading = { $count ->
    [one] Traduit, sur le dernier commit
   *[other] Traduit, sur les { $count } derniers commits
}
report-history-note = La part des sources qui avaient un fichier de traduction dans chaque langue après chaque commit ayant modifié les documents ; l’actualité de chaque traduction à ce moment n’est pas jugée.
report-history-none = Aucun commit n’a encore modifié ces documents.
report-history-table = Le graphique sous forme de tableau
report-col-commit = Commit
report-col-date = Date
report-docs-heading = Documents
report-filters = Filtres
report-filter-lang = Langue
report-filter-state = État
report-filter-folder = Dossier
report-filter-any = tous
report-shown = Traductions affichées : { $shown } sur { $total }
report-no-script = Les listes de traductions demandent JavaScript ; les tableaux ci-dessus, non.
report-col-file = Fichier
report-col-words = Mots
report-show-more = Afficher plus
report-diff-cut = Le diff n’est pas dans ce rapport (il le rendrait trop lourd) : stele diff { $path } l’affiche.
report-col-document = Document
report-outdated-heading = Traductions obsolètes
report-outdated-none = Aucune traduction n’est obsolète.
report-block-changed = Modifié : lignes { $from }–{ $to } de la source
report-block-added = Ajouté : lignes { $from }–{ $to } de la source
report-block-removed = Supprimé : était à la ligne { $from } de la source
report-more-blocks = { $count ->
    [one] …et 1 bloc de plus (stele diff l’affiche).
   *[other] …et { $count } blocs de plus (stele diff les affiche).
}
report-orphans-heading = Traductions orphelines
report-orphans-none = Aucune traduction n’est orpheline.
report-col-state = État
report-col-keys = Clés
report-keys-caption = Clés des dictionnaires, comptées à part de leurs fichiers
report-dicts-heading = Dictionnaires, clé par clé
report-dicts-more = { $count ->
    [one] …et 1 dictionnaire de plus (stele status --format json le liste).
   *[other] …et { $count } dictionnaires de plus (stele status --format json les liste).
}
report-written = Rapport écrit dans { $path }.
report-badges-written = { $count ->
    [one] 1 badge écrit dans { $dir }.
   *[other] { $count } badges écrits dans { $dir }.
}
report-banners-written = { $count ->
    [one] Données de bandeau pour 1 traduction écrites dans { $path }.
   *[other] Données de bandeau pour { $count } traductions écrites dans { $path }.
}

## suggest, export --todo, import : l’atelier du traducteur

cli-suggest-about = Affiche ce que la mémoire du corpus contient pour chaque bloc d’une traduction à traduire ou à mettre à jour, avec la traduction précédente du bloc à côté du changement de sa source
cli-suggest-arg-target = Un fichier de traduction (présent ou attendu), ou une source avec --lang
cli-suggest-arg-langs = Avec une source : les langues pour lesquelles suggérer (à répéter, ou séparées par des virgules ; toutes celles qui ont du travail si aucune n’est donnée)
cli-suggest-arg-min = Affiche les correspondances d’au moins N % (75 par défaut) : le score de correspondance floue des outils de TAO, 100 × (1 − distance d’édition en mots ÷ mots du plus long des textes)
cli-suggest-arg-limit = Affiche au plus N correspondances par bloc (3 par défaut)
cli-suggest-arg-format = Format de sortie : text (par défaut) pour les personnes, json pour les programmes
cli-import-about = Réintègre le travail traduit d’un fichier XLIFF ou PO écrit par export --todo : chaque unité à sa place, puis marque ce qui est complet
cli-import-arg-file = Le fichier XLIFF ou PO traduit
cli-import-arg-dry_run = Dit ce qui serait écrit ; n’écrit et ne marque rien
cli-export-arg-todo = Seulement le travail en attente vers --lang : chaque bloc à traduire ou à mettre à jour, avec sa traduction actuelle et la meilleure correspondance de la mémoire, en XLIFF 1.2 (--format xliff) ou en PO (--format po), que stele import réintègre
cli-export-arg-lang = Avec --todo : la langue vers laquelle on traduit
suggest-memory = mémoire { $lang } : { $units } paires de textes ({ $kept } documents du cache, { $paired } réalignés ; { $bytes } octets)
suggest-nothing = { $path } ({ $lang }) est { $state } : rien à traduire ni à mettre à jour.
suggest-all-current = { $target } : aucune traduction n’a besoin de travail.
suggest-heading = { $path } ({ $lang }, { $state }) : { $blocks ->
    [one] un bloc
   *[other] { $blocks } blocs
} à traduire ou à mettre à jour
suggest-removed = { $count ->
    [one] Un bloc a été supprimé de la source : supprimez sa traduction, ligne { $lines }.
   *[other] { $count } blocs ont été supprimés de la source : supprimez leur traduction, lignes { $lines }.
}
suggest-front-matter = { $count ->
    [one] Un changement dans l’en-tête : stele diff { $path } l’affiche.
   *[other] { $count } changements dans l’en-tête : stele diff { $path } les affiche.
}
suggest-work-update = à mettre à jour
suggest-work-add = à ajouter
suggest-work-translate = à traduire
suggest-block = bloc { $number }, { $work } · lignes { $s1 }–{ $s2 } de la source · ligne { $t1 } de la traduction
suggest-label-source = source :
suggest-label-translation = actuel :
suggest-label-match-source = était :
suggest-label-match-target = donne :
suggest-code = code : tel que la source l’écrit, adapté là où la traduction l’adapte
suggest-no-match = aucune correspondance de { $min } % ou plus dans la mémoire
suggest-match = { $score } %{ $exact ->
    [yes] , exacte
   *[no] {""}
} · { $path }{ $elsewhere ->
    [0] {""}
    [one] {" "}(et un autre document)
   *[other] {" "}(et { $elsewhere } autres documents)
}
export-todo-nothing = Rien à traduire ni à mettre à jour vers { $lang } : aucun fichier écrit.
export-todo-summary = { $units ->
    [one] Un bloc
   *[other] { $units } blocs
} { $translations ->
    [one] d’une traduction
   *[other] de { $translations } traductions
} vers { $lang } exportés.
export-todo-left = { $count ->
    [one] Une traduction laissée de côté : son état est inconnu ou sa base illisible (stele diff dit laquelle).
   *[other] { $count } traductions laissées de côté : leur état est inconnu ou leur base illisible (stele diff dit lesquelles).
}
import-refused-source-changed = sa source a changé depuis l’export
import-refused-not-found = sa place dans la traduction a changé depuis l’export
import-refused-incomplete = une nouvelle traduction n’est écrite que lorsque tous ses blocs sont traduits
import-refused = { $file }, ligne { $line } : { $id } non écrit : { $why }
import-refused-plural = une valeur au pluriel : ses formes se modifient à la main dans le fichier
import-refused-no-parent = le dictionnaire n’a encore aucune clé sous le même parent : ajoutez-en une à la main
import-refused-not-in-place = sa valeur ne peut pas être remplacée sur place sans changer une autre clé ou casser le fichier
import-refused-key = { $file }, ligne { $line } : { $id } (clé { $key }) non écrit : { $why }
suggest-key = clé { $key }, { $work } · ligne { $s1 } de la source · ligne { $t1 } de la traduction
suggest-plural = { $count ->
    [one] Une clé au pluriel à ajouter ou à mettre à jour à la main dans { $path }.
   *[other] { $count } clés au pluriel à ajouter ou à mettre à jour à la main dans { $path }.
}
import-would-write = écrirait { $units ->
    [one] une unité
   *[other] { $units } unités
} dans { $path }
import-wrote = { $path } : { $units ->
    [one] une unité écrite
   *[other] { $units } unités écrites
}
import-history = { $count ->
    [one] Une traduction est complète ; son corpus ne tient pas de registre : validez-la (commit) pour qu’elle soit à jour.
   *[other] { $count } traductions sont complètes ; leur corpus ne tient pas de registre : validez-les (commit) pour qu’elles soient à jour.
}
import-summary = { $units ->
    [one] Une unité importée
   *[other] { $units } unités importées
} dans { $files ->
    [one] un fichier
   *[other] { $files } fichiers
} ; { $marked } marquées à jour, { $untranslated } pas encore traduites, { $refused } refusées.
cause-import-too-large = il dépasse { $limit }, plus qu’aucun fichier de travail
cause-import-not-utf8 = ce n’est pas du texte UTF-8 valide
cause-import-syntax = ce n’est pas du XLIFF ou du PO bien formé à cet endroit
cause-import-truncated = il s’arrête avant d’être complet : le fichier a été coupé
cause-import-not-todo = ce n’est pas un fichier écrit par stele export --todo (aucun corpus nommé)
cause-import-over-budget = il contient plus d’unités, ou des éléments plus imbriqués, qu’un fichier de travail
cause-import-no-context = une unité n’a pas d’identifiant qui dise où elle va (chemin de la traduction et numéro du bloc)
hint-import-export-todo = exportez de nouveau le travail en attente avec stele export --todo --lang LANGUE, traduisez-le et importez ce fichier
error-import-read = impossible d’importer { $path } (ligne { $line })
error-import-other-corpus = { $path } a été exporté du corpus { $corpus }, que ce projet n’a pas (ou pas dans sa langue)
error-import-unknown-unit = { $path }, ligne { $line } : l’unité { $id } n’existe pas dans ce corpus
error-todo-format = export --todo n’écrit que xliff ou po
error-todo-one-corpus = du travail en attente dans plusieurs corpus ({ $corpora }) : un fichier de travail n’en contient qu’un
hint-todo-one-corpus = nommez-en un avec --corpus
error-import-refused = { $count ->
    [one] une unité de { $path } a été refusée (nommée plus haut) ; les autres ont été écrites
   *[other] { $count } unités de { $path } ont été refusées (nommées plus haut) ; les autres ont été écrites
}
hint-import-refused = exportez de nouveau le travail en attente pour ces blocs : stele export --todo
