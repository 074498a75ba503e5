# Mensajes de stele en español.
# Los identificadores dicen dónde se usan: cli-… (ayuda), status-…, todo-…, mark-…, init-…,
# error-…, cause-…, hint-…

## Números

number-decimal-separator = ,
number-group-separator = .
number-group-min-digits = 5

## Ayuda de la línea de órdenes

cli-about = Gestión de traducciones de corpus de textos guardados en git.
cli-usage-heading = Uso:
cli-commands-heading = Órdenes
cli-command-value = ORDEN
cli-options-heading = Opciones
cli-arguments-heading = Argumentos
cli-arg-dir = Trabajar como si stele se hubiera iniciado en esta carpeta
cli-arg-ui_lang = El idioma de los mensajes de stele (en-US, fr, es)
cli-arg-color = Cuándo usar colores: auto (por defecto: solo en un terminal, y no si NO_COLOR está definida), always o never
cli-arg-quiet = Mostrar menos
cli-arg-verbose = Mostrar más (qué, según el comando; repetir para más aún)
cli-arg-help = Mostrar la ayuda
cli-arg-version = Mostrar la versión
cli-global-options-heading = Opciones globales
cli-status-arg-quiet = Mostrar solo la tabla resumen
cli-status-arg-verbose = Listar todos los documentos, y cómo se decidió cada estado (-vv: también cada archivo dejado fuera)
cli-todo-arg-quiet = Una línea por idioma: cuántas traducciones por hacer, cuántas palabras
cli-todo-arg-verbose = Nombrar también la fuente según la cual actualizar cada traducción desactualizada
cli-mark-arg-quiet = No mostrar nada
cli-mark-arg-verbose = Nombrar también el archivo, junto a una traducción, donde se guarda su registro
cli-diff-arg-quiet = El estado de cada traducción y cuántos bloques cambiaron, sin los bloques (con --from: dónde están los cambios, sin sus palabras)
cli-diff-arg-verbose = Mostrar todas las traducciones del documento, también las actuales y las que faltan
cli-log-arg-quiet = Una línea por commit
cli-log-arg-verbose = Nombrar los commits completos
cli-ack-arg-quiet = Una línea por fuente reconocida (con --cosmetic: solo el total)
cli-ack-arg-verbose = Mostrar también los cambios reconocidos, palabra por palabra
cli-check-arg-quiet = Mostrar solo el veredicto, en una línea
cli-status-arg-all = Listar todas las traducciones que requieren trabajo (sin esta opción ni --lang: las primeras de cada idioma, y cuántas más)
cli-check-arg-all = Listar todos los problemas (sin esta opción ni --lang: los primeros de cada idioma, y cuántos más)
cli-check-arg-verbose = Listar también cada traducción que pasó
cli-export-arg-quiet = No mostrar resumen ni progreso
cli-export-arg-verbose = Listar cada oración o bloque dejado fuera, dónde está y por qué
cli-init-arg-quiet = No mostrar nada
cli-init-arg-verbose = Mostrar también el archivo escrito
cli-man-arg-command = El comando cuya página mostrar; la de stele si falta
cli-help-about = Mostrar la ayuda de stele o de uno de sus comandos
cli-help-arg-command = El comando cuya ayuda mostrar
error-meaningless-option = { $option } no tiene sentido para `stele { $command }`
error-unknown-command = no hay ningún comando `{ $name }`
hint-known-commands = los comandos son: { $known }
man-exit-heading = CÓDIGO DE SALIDA
man-exit-0 = Éxito.
man-exit-1 = Una regla de `stele check` no se cumple, o `stele qa` encontró un error (solo esos dos comandos).
man-exit-2 = Entrada inválida: opción desconocida, stele.toml inválido, archivo ilegible, repositorio imposible de abrir. El error nombra el archivo, y la línea cuando la hay.
man-env-heading = ENTORNO
man-env-locale = El idioma de los mensajes de stele sin --ui-lang (en-US, fr, es; inglés para los demás).
man-env-no-color = Definida y no vacía: sin colores (salvo --color always).
man-env-columns = El ancho del terminal, para la vista lado a lado (100 si no).
man-env-git = Dónde están el repositorio y su copia de trabajo, como para git.
man-see-also-heading = VÉASE TAMBIÉN
cli-status-about = Mostrar qué traducciones están al día, desactualizadas, pendientes o huérfanas
cli-status-arg-paths = Solo los documentos con un archivo en estas rutas o debajo de ellas
cli-status-arg-langs = Solo estos idiomas (repita la opción, o sepárelos con comas)
cli-status-arg-format = Formato de salida: text (por defecto) para personas, json para programas, markdown para un comentario de pull request o el resumen de una tarea de CI
cli-status-arg-changed_since = Con --format markdown: indicar también lo que el cambio desde la base de fusión con REV deja por traducir
cli-todo-about = Listar el trabajo pendiente de un traductor, idioma por idioma, lo más urgente primero
cli-todo-arg-lang = Los idiomas cuyo trabajo listar (repetir, o separar con comas; todos los idiomas de traducción si no se indica ninguno)
cli-todo-arg-paths = Solo los documentos con un archivo en estas rutas o debajo de ellas
cli-todo-arg-format = Formato de salida: text (por defecto) para personas, json para programas
cli-mark-about = Registrar que unas traducciones corresponden a la versión actual de su fuente
cli-mark-arg-files = Los archivos de traducción que se marcan como al día
cli-mark-arg-dry_run = Mostrar lo que se registraría, sin escribir nada
cli-completions-about = Mostrar un script de autocompletado para el shell
cli-completions-arg-shell = El shell: bash, zsh, fish, elvish o powershell
cli-man-about = Mostrar la página de manual de stele o de uno de sus comandos (roff), por ejemplo: stele man status > stele-status.1
cli-init-about = Escribir un stele.toml comentado en la carpeta actual
cli-init-arg-source_lang = El idioma en que están escritas las fuentes (por defecto: en)
cli-init-arg-langs = Los idiomas de traducción (repita, o separe con comas); se deducen de las carpetas si faltan
cli-init-arg-layout = Un patrón para fuentes y traducciones, por ejemplo content/{"{"}lang{"}"}/{"{"}path{"}"}
cli-init-arg-source = El patrón de las fuentes, por ejemplo pages/{"{"}path{"}"} (con --translation)
cli-init-arg-translation = El patrón de las traducciones, por ejemplo pages.{"{"}lang{"}"}/{"{"}path{"}"} (con --source)

## Estados

state-current = al día
state-outdated = desactualizada
state-missing = pendiente
state-orphan = huérfana
state-unknown = desconocido

## Por qué una traducción está desactualizada o su estado es desconocido

reason-source-changed = la fuente cambió desde la versión registrada { $blob }
reason-source-changed-commit = la fuente cambió desde el commit { $commit } ({ $pin })
reason-base-missing = la fuente cambió; la versión registrada no está en este repositorio (¿clon superficial?)
reason-commit-missing = el commit de la fuente registrado no está en este repositorio (¿clon superficial?)
reason-source-changed-history = la fuente cambió desde la última modificación de la traducción, en { $commit } ({ $date })
reason-pin-ambiguous = el identificador de commit fijado está abreviado y designa varios objetos
reason-pin-not-a-commit = el identificador fijado no designa un commit
reason-pin-not-a-blob = el identificador registrado no designa una versión de un archivo (sino una carpeta o un commit)
reason-pin-malformed = la referencia fijada ({ $pin }) no es un identificador de objeto git
reason-source-not-at-commit = la fuente no existía en el commit registrado
reason-source-uncommitted = la fuente tiene cambios sin confirmar
reason-no-commits = el repositorio aún no tiene commits
reason-history-truncated = el historial termina antes del último cambio (clon superficial)
reason-history-broken = falta un commit del historial
reason-in-progress = la traducción está marcada como trabajo en curso (su Status no es «ready»)
reason-pin-not-last = el commit fijado { $commit } ({ $pin }) no es el último cambio de la fuente
reason-pin-not-last-short = el commit fijado no es el último cambio de la fuente
reason-pin-abbreviated = la referencia fijada no es un identificador de commit completo de 40 dígitos, como exige revcheck
reason-pin-incomplete = al comentario EN-Revision le falta «Maintainer: … Status: …»
reason-no-shared-history = no hay referencia fijada, y la fuente está en otro repositorio: ningún historial común dice qué versión se tradujo

## Cómo se decidió el estado de una traducción al día

basis-recorded = registrada: versión de la fuente { $blob }
basis-source-commit = registrada: commit de la fuente { $commit } ({ $pin })
basis-history = historial: traducción modificada en { $commit } ({ $date })
basis-history-uncommitted = historial: la traducción tiene cambios sin confirmar
basis-history-unknown = historial

## status

status-heading = { $count ->
    [one] Un documento
   *[other] { $count } documentos
    }; fuentes: { $langs }
status-source-lang-count = { $lang } ({ $count })
status-col-lang = Idioma
status-col-current = Al día
status-col-outdated = Desactualizadas
status-col-missing = Pendientes
status-col-orphan = Huérfanas
status-col-unknown = Desconocidas
status-col-complete = Completado
status-col-words = Palabras por traducir
status-percent = { $value } %
status-needs-work = Por hacer:
status-all-documents = Documentos:
status-all-current = Todas las traducciones están al día.
status-more = { $count ->
    [one] { $lang }: una más sin listar: --all las lista todas, --lang { $lang } todas las de este idioma
   *[other] { $lang }: { $count } más sin listar: --all las lista todas, --lang { $lang } todas las de este idioma
}
status-doc-source = fuente: { $lang }, { $words ->
    [one] una palabra
   *[other] { $words } palabras
    }
status-doc-source-gone = fuente: { $lang }, ausente
status-orphan-detail = su fuente { $source } no existe
status-basis-footer = Base: { $recorded } registradas, { $history } según el historial de git.
status-no-documents = No se encontró ningún documento.
status-layout = Disposición: fuentes en { $source }, traducciones en { $translation }.
progress-history = Leyendo el historial: { $commits } commits
progress-changes = Comparando versiones: { $done } de { $total } documentos

## todo

todo-heading = { $count ->
    [one] Una traducción por hacer
   *[other] { $count } traducciones por hacer
    } en { $lang } ({ $words ->
    [one] una palabra
   *[other] { $words } palabras
    })
todo-nothing = Nada que hacer en { $lang }: todas las traducciones están al día.
todo-words = { $count ->
    [one] una palabra
   *[other] { $count } palabras
    }
todo-update-from = actualizar según { $source }
todo-translate-from = traducir desde { $source }
todo-key-outdated = modificada
todo-key-missing = ausente
todo-key-orphan = ya no está en la fuente
todo-key-fuzzy = difusa
todo-key-untranslated = sin traducir
todo-keys-more = { $count ->
    [one] …y 1 clave más (-v la muestra).
   *[other] …y { $count } claves más (-v las muestra).
}

## mark

mark-marked = { $path } marcada como correspondiente a { $source } ({ $blob }).
mark-would-mark = { $path } se marcaría como correspondiente a { $source } ({ $blob }).
mark-unchanged = { $path } ya corresponde a { $source } ({ $blob }).
mark-marked-commit = { $path } marcada como correspondiente a { $source } en el commit { $commit } ({ $pin }).
mark-would-mark-commit = { $path } se marcaría como correspondiente a { $source } en el commit { $commit } ({ $pin }).
mark-unchanged-commit = { $path } ya corresponde a { $source } en el commit { $commit } ({ $pin }).
mark-sidecar = El registro se guarda en { $path }.

## init

init-comment-title =
    stele.toml: qué es este corpus y dónde están sus archivos.
    Referencia: docs/config.md
init-comment-source-lang = El idioma en que están escritos los documentos (una etiqueta BCP 47).
init-comment-languages = Los idiomas a los que se traducen.
init-comment-lunaria = Se lee en { $file } en cada ejecución, mientras este archivo no lo diga:
    qué commits no son trabajo de traducción (las palabras clave de Lunaria y sus directivas
    @lunaria-track/@lunaria-ignore; si no, [history]) y qué páginas están listas para traducir
    (localizableProperty de Lunaria; si no, localizable_key = "…"). docs/config.md explica cómo.
init-comment-exclude = Archivos que se dejan fuera (globs, relativos a este archivo); `include` conserva solo los que coinciden.
init-comment-layout =
    Dónde están los archivos: {"{"}lang{"}"} es una etiqueta de idioma, {"{"}path{"}"} el documento (una o más carpetas).
    Un patrón para todos los idiomas, o una tabla [layout] con dos. Por ejemplo:
init-comment-one-folder = una carpeta por documento
init-comment-documents = Documentos escritos en otro idioma que source_lang:
init-comment-records =
    Dónde guarda `stele mark` el registro de una traducción: "front-matter" (el encabezado de un
    archivo Markdown; un archivo .stele junto a los demás), "sidecar" (un archivo .stele junto a
    cada traducción) o "none" (ningún registro: las traducciones se juzgan por su historial de git).
init-comment-records-none = Ningún archivo Markdown de aquí tiene encabezado, y ninguno debe recibirlo:
init-comment-records-sidecar = Las traducciones Markdown de aquí guardan sus registros en archivos .stele y no tienen encabezado:
init-comment-check =
    Lo que exige `stele check`. Sin opciones, exige que todas las traducciones estén al día.
    Con --changed-since REV (una pull request) o --staged (un hook pre-commit), juzga el
    cambio por lo que cambió: una traducción que toca debe quedar al día, la que sus cambios
    en la fuente dejan desactualizada es un aviso, y los dos límites de abajo solo se aplican
    una vez definidos aquí.
    Las reglas y sus razones: docs/config.md, «Rules for stele check».
init-comment-check-min-complete = Porcentaje mínimo de traducciones al día por idioma (o {"{"} default = 80, fr = 100 {"}"}).
init-comment-check-max-outdated = Número máximo de traducciones desactualizadas por idioma.
init-comment-check-outdated-by-change = Cuánto pesa una traducción que los cambios en la fuente de un cambio dejan desactualizada: "warning", "error" u "off".
init-comment-check-allow-missing = Traducciones que pueden faltar (globs sobre las rutas desde la raíz del repositorio).
init-comment-kind-dictionary = Diccionarios de interfaz, comparados clave por clave (el formato según la extensión de cada archivo, o format = "json", "yaml", "toml", "po", "properties", "js").
init-comment-check-missing-keys = Lo que pesa una clave ausente de una traducción: "warning" (por defecto), "error", u "off" donde la aplicación muestra entonces el texto de origen (Hugo, i18next).
init-wrote = Se escribió { $path } (disposición: { $layout }).
init-prose-only = Solo los archivos de texto son documentos: quedan fuera { $kinds } (edite `include` para conservarlos).
init-no-languages = No se encontró ninguna carpeta de traducción: añada sus idiomas a `languages`.
init-records-none = Ningún archivo Markdown tiene encabezado: records = "none", las traducciones se juzgan por su historial de git y `stele mark` no toca los archivos (records = "sidecar" guarda los registros en archivos .stele).
init-records-sidecar = Las traducciones Markdown guardan sus registros en archivos .stele: records = "sidecar".
init-source-beside = Las fuentes están en { $path }, un repositorio junto a este (la organización del manual de PHP): las referencias fijadas se juzgan como las juzga revcheck.
init-comment-source = Las fuentes están en otro repositorio: un clon en esta ruta (desde la carpeta de este archivo).
    Las referencias fijadas (EN-Revision) se resuelven allí, y se juzgan como las juzga el revcheck del manual de PHP.
init-lunaria = Idiomas tomados de { $file }; stele lee sus palabras clave de commits y su localizableProperty en cada ejecución.
init-next = Siguiente paso: `stele status`.

## Errores

label-error = error:
label-caused-by = causa:
label-hint = sugerencia:

label-warning = aviso:
warning-non-utf8-path = se omitió { $path }: su nombre no es UTF-8 válido o contiene un salto de línea
warning-symlink-folder = se omitió { $path }: es un enlace simbólico, y stele no sigue enlaces (git tampoco)
warning-lang-unused = corpus «{ $corpus }»: ningún archivo está en { $lang } (escrito { $spelled } en stele.toml)
warning-lang-unused-names = corpus «{ $corpus }»: ningún archivo está en { $lang } (escrito { $spelled } en stele.toml); los archivos nombran sus idiomas { $names }
warning-nested-repository = se omitió { $path }: es un repositorio propio (un submódulo); ejecute stele en él
note-not-text = { $count ->
    [one] se omitió un archivo del corpus { $corpus } que no es texto (una imagen, una fuente…); -vv lo muestra
   *[other] se omitieron { $count } archivos del corpus { $corpus } que no son texto (imágenes, fuentes…); -vv los muestra
}
note-not-text-path = se omitió { $path }: no es texto
note-other-language = { $count ->
    [one] se omitió un archivo del corpus { $corpus } nombrado para un idioma que no sigue; -vv lo muestra
   *[other] se omitieron { $count } archivos del corpus { $corpus } nombrados para idiomas que no sigue; -vv los muestra
}
note-other-language-path = se omitió { $path }: su nombre es el de un idioma que no está en `languages`
note-not-localizable = { $count ->
    [one] se omitió una página del corpus { $corpus } cuya cabecera no fija { $key }: true (no está lista para traducir), con sus traducciones; -vv la muestra
   *[other] se omitieron { $count } páginas del corpus { $corpus } cuya cabecera no fija { $key }: true (no están listas para traducir), con sus traducciones; -vv las muestra
}
note-not-localizable-path = se omitió { $path } con sus traducciones: no está lista para traducir
note-links = { $count ->
    [one] se omitió un enlace simbólico del corpus { $corpus } (stele no sigue enlaces, git tampoco); -vv lo muestra
   *[other] se omitieron { $count } enlaces simbólicos del corpus { $corpus } (stele no sigue enlaces, git tampoco); -vv los muestra
}
note-link-path = se omitió { $path }: un enlace simbólico

error-config-not-found = no hay ningún stele.toml en { $dir } ni en una carpeta superior
error-read = no se puede leer { $path }
error-write = no se puede escribir { $path }
error-config-syntax = { $path }, línea { $line }: la configuración no se puede leer
error-config-invalid = { $path }, línea { $line }: la configuración no es válida
error-lunaria-syntax = { $path }, línea { $line }: stele no puede leer la configuración de Lunaria
error-lunaria-not-literal = { $path }, línea { $line }: la configuración de Lunaria contiene código, no un literal: { $found }
error-lunaria-too-large = { $path }, línea { $line }: la configuración de Lunaria es demasiado grande, está demasiado anidada o no está en UTF-8
error-lunaria-keywords = { $line ->
    [0] { $path }
   *[other] { $path }, línea { $line }
}: «{ $key }» en la configuración de Lunaria no es una lista de textos
error-lunaria-localizable = { $line ->
    [0] { $path }
   *[other] { $path }, línea { $line }
}: «{ $key }» en la configuración de Lunaria no es un texto
cause-lunaria-syntax = columna { $column }: aquí el archivo deja de tener sentido
cause-lunaria-not-literal = stele lee la configuración sin ejecutarla: textos, números, listas y objetos escritos tal cual, dentro de defineConfig(…) o no
hint-lunaria-config = stele lee en la configuración de Lunaria qué commits omitir y qué páginas están listas para traducir cuando stele.toml no lo dice ([history], localizable_key); corrija el archivo, o dígalo en stele.toml (docs/config.md)
hint-config-utf8 = guarde stele.toml como texto UTF-8
hint-config-corpora = o describa cada corpus en una tabla [corpora.<nombre>]: vea docs/config.md
hint-config-top-level-and-corpora = mueva las claves de corpus del nivel superior a una tabla [corpora.<nombre>] propia
cause-toml-not-utf8 = el archivo no es texto UTF-8 válido
cause-toml-syntax = columna { $column }: esto no es TOML (una clave, «=» y luego un valor: un texto entre comillas dobles, un número o una lista entre corchetes)
hint-toml-syntax = vea https://toml.io para la sintaxis de TOML, y docs/config.md para las claves de stele.toml
cause-toml-unknown-key = no existe la clave «{ $key }»
hint-toml-did-you-mean = ¿quiso decir «{ $suggestion }»?
hint-toml-known-keys = las claves posibles aquí: { $known }
cause-toml-missing-key = falta la clave «{ $key }»
cause-toml-wrong-type = «{ $key }» espera { $expected }, no { $found }: { $value }
toml-expected-text = un texto entre comillas dobles
toml-expected-texts = una lista de textos entre comillas dobles, como ["a", "b"]
toml-expected-count = un número entero desde 0
toml-expected-table = una tabla
toml-expected-table-of-texts = una tabla cuyos valores son listas de textos
toml-expected-tables = una lista de tablas, cada una escrita [[…]]
toml-found-text = un texto
toml-found-integer = un número entero
toml-found-float = un número decimal
toml-found-boolean = un valor verdadero o falso
toml-found-datetime = una fecha
toml-found-array = una lista
toml-found-table = una tabla
cause-config-top-level-and-corpora = «{ $key }» es una clave de corpus en el nivel superior, junto a tablas [corpora.<nombre>]: un archivo describe un solo corpus en el nivel superior o varios en tablas, no ambas cosas
cause-config-no-corpus = la tabla [corpora] no define ningún corpus
cause-config-unknown-value = «{ $key }» es uno de { $allowed }, no «{ $value }»
cause-config-percentage = «{ $key }» es un porcentaje de 0 a 100, o una tabla de porcentajes por idioma (con «default»), no { $value }
cause-config-layout-shape = «{ $key }» es un patrón, o una tabla con un patrón «source» y un patrón «translation»
cause-link-not-http = el enlace no es una dirección http:// o https://
cause-link-unsafe = el enlace contiene un espacio, una comilla o un signo angular
cause-link-unclosed = el enlace abre un marcador que no cierra
cause-link-unknown-placeholder = los marcadores del enlace son { $known }, no { $name }
cause-link-no-path = al enlace le falta el marcador { $placeholder }
cause-glob-recursive = «**» debe ocupar un elemento entero de la ruta, como en docs/**/borrador.md
cause-glob-unclosed-class = un «[» sin su «]»
cause-glob-invalid-range = el intervalo { $from }–{ $to } está al revés
cause-glob-unopened-alternates = una llave de cierre sin su llave de apertura
cause-glob-unclosed-alternates = una llave de apertura sin su llave de cierre
cause-glob-nested-alternates = llaves dentro de llaves
cause-glob-dangling-escape = una barra invertida al final, que no escapa nada
cause-glob-other = la biblioteca de globs lo rechaza
error-config-invalid-lang = { $path }, línea { $line }: «{ $value }» no es una etiqueta de idioma válida
error-config-duplicate-lang = { $path }, línea { $line }: el idioma «{ $value }» aparece dos veces
error-config-layout = { $path }, línea { $line }: el patrón de disposición «{ $pattern }» no puede ubicar archivos
error-config-glob = { $path }, línea { $line }: «{ $pattern }» no es un glob válido
error-init-exists = { $path } ya existe
error-not-a-repo = { $path } no está dentro de un repositorio git
error-bare-repo = { $path } es un repositorio vacío (bare): stele necesita una copia de trabajo
error-log-source-elsewhere = stele log reproduce el historial de un solo repositorio, y las fuentes del corpus «{ $corpus }» están en otro: no puede decir qué hizo cada commit a las traducciones
hint-log-source-elsewhere = el historial de las fuentes se obtiene con git -C { $path } log, y los estados actuales con stele status
error-source-missing = { $file }, línea { $line }: el repositorio de las fuentes { $path } no existe
error-source-not-a-repo = { $file }, línea { $line }: { $path } no está en ningún repositorio git
error-source-bare = { $file }, línea { $line }: { $path } es un repositorio vacío (bare): stele necesita una copia de trabajo de las fuentes
error-source-same-repo = { $file }, línea { $line }: { $path } está en el propio repositorio de las traducciones
hint-source-same-repo = quite [source] e indique en su lugar dónde están las fuentes en el layout
error-source-bad-ref = { $file }, línea { $line }: la referencia «{ $rev }» no designa ningún commit de { $path }
error-source-not-at-ref = { $file }, línea { $line }: { $path } tiene otro commit extraído que el de la referencia «{ $rev }»
hint-source-not-at-ref = extráigalo: git -C { $path } checkout { $rev }
error-source-repo = { $file }, línea { $line }: no se puede leer el repositorio de las fuentes
error-git = git falló durante la operación: { $context }
error-corpus-outside-repo = el corpus { $path } está fuera del repositorio { $repo }
error-corpus-empty = el corpus «{ $corpus }» no tiene ningún documento: ningún archivo coincide con { $patterns } (definido en { $path })
hint-corpus-nearest = la carpeta más cercana que contiene archivos es { $folder }/: ¿está mal escrita la disposición (layout) de { $path }?
hint-corpus-empty = los patrones de la disposición (layout) de { $path } son relativos a la carpeta que lo contiene
error-not-utf8 = { $path }, línea { $line }: el archivo no es texto UTF-8 válido
error-front-matter = { $path }, línea { $line }: el encabezado (front matter) no se puede leer
cause-front-matter-not-closed = el encabezado nunca se cierra
hint-front-matter-not-closed = termínelo con una línea que solo contenga «---» («+++» en TOML)
cause-front-matter-not-mapping = el encabezado no es un conjunto de claves con sus valores
cause-front-matter-too-deep = sus listas y tablas se anidan en más de { $max } niveles
cause-front-matter-yaml = columna { $column }: esto no es YAML
cause-front-matter-source-commit-toml = un encabezado TOML no tiene lugar para el l10n.sourceCommit de MDN
error-dictionary = { $path }, línea { $line }: el diccionario no se puede leer
cause-dict-not-utf8 = el archivo no es texto UTF-8
cause-dict-too-large = el archivo supera los { $max } bytes, lo máximo que stele lee en un diccionario
cause-dict-syntax = columna { $column }: { $expected }
dict-expected-value = se esperaba un valor (un texto entre comillas, un mapa o una lista)
dict-expected-key = se esperaba una clave
dict-expected-colon = se esperaba «:» después de la clave
dict-expected-comma-or-close = se esperaba «,» o un corchete de cierre
dict-expected-end-of-text = un texto o un comentario no está cerrado
dict-expected-escape = esta secuencia de escape no es válida
dict-expected-end = el archivo debería terminar aquí
dict-expected-keyword = se esperaba aquí una palabra clave (msgctxt, msgid, msgid_plural, msgstr), en ese orden
dict-expected-wellformed = la sintaxis no es válida aquí
cause-dict-duplicate-key = la clave «{ $key }» ya está definida en la línea { $first }
cause-dict-wrong-type = la clave «{ $key }» contiene { $found }, no un texto
hint-dict-wrong-type = los valores de un diccionario son textos, mapas de textos o listas de textos; escriba un número o un booleano entre comillas
cause-dict-not-a-map = el archivo contiene { $found }, no claves con sus textos
cause-dict-too-deep = sus mapas y listas se anidan en más de { $max } niveles
cause-dict-too-many-keys = define más de { $max } claves
cause-dict-not-literal = stele solo lee literales, y esto es código: { $found }
hint-dict-not-literal = stele lee los diccionarios JavaScript y TypeScript sin ejecutarlos: exporte un único objeto literal de textos (se admiten los imports, una llamada que lo envuelva y «as const»)
dict-kind-text = un texto
dict-kind-number = un número
dict-kind-boolean = un booleano
dict-kind-null = nada (null)
dict-kind-datetime = una fecha
dict-kind-list = una lista
dict-kind-map = un mapa
dict-kind-alias = un alias YAML, que stele no expande
error-sidecar = { $path }, línea { $line }: el archivo de registro (.stele) no se puede leer
error-mark-not-translation = { $path } no es una traducción de este corpus
error-mark-is-source = { $path } es una fuente, no una traducción
error-mark-missing = { $path } no existe
error-mark-orphan = { $path } no tiene fuente: { $source } no existe
error-mark-no-records = { $path } no se marcó: el corpus { $corpus } no guarda registros (records = "none" en stele.toml); sus traducciones se juzgan por su historial
error-output = no se puede escribir la salida
error-cwd = no se puede leer la carpeta actual
error-no-such-dir = { $path } no es una carpeta
error-path-outside-repo = { $path } está fuera del repositorio { $repo }
error-no-match = { $path } no corresponde a ningún archivo del corpus
error-nothing-exported = nada que exportar: no se encontró ningún par de oraciones o bloques
error-invalid-lang-arg = «{ $value }» no es una etiqueta de idioma válida
error-lang-not-configured = este corpus no sigue el idioma { $lang } (idiomas seguidos: { $configured })

cause-not-found = no existe el archivo o la carpeta
cause-not-regular-file = no es un archivo normal (una carpeta, una FIFO o un dispositivo)
cause-symlink = se llega a él por un enlace simbólico, que stele no sigue
cause-changed-meanwhile = otro programa lo modificó mientras stele lo escribía; quedó como ese programa lo escribió: vuelva a ejecutar la orden
cause-permission-denied = permiso denegado
cause-is-a-directory = es una carpeta
cause-no-space = no queda espacio en el dispositivo
cause-io = { $detail }
git-op-open-objects = la apertura de la base de objetos
git-op-resolve-head = la resolución de HEAD
git-op-write-blob = el almacenamiento de un blob
git-op-read-blob = la lectura del blob { $id }
git-op-read-commit = la lectura del commit { $id }
git-op-read-tree-of = la lectura del árbol del commit { $id }
git-op-read-tree = la lectura del árbol { $id }
git-op-read-parents = la lectura de los padres del commit { $id }
git-op-walk-history = el recorrido del historial
git-op-write-index = la actualización del índice
git-op-compare-with-parent = la comparación del commit { $id } con su padre { $parent }
git-op-merge-base = la búsqueda de la base común de { $rev } y HEAD
git-op-compare-with-work-tree = la comparación de { $rev } con el árbol de trabajo
git-op-compare-with-index = al comparar HEAD con los archivos preparados
cause-git-missing = el objeto { $id } no está en el repositorio
cause-git-malformed = el objeto { $id } está dañado: no se lee como un objeto de su tipo
cause-git-not-a-tree = el objeto { $id } no es un árbol
cause-git-damaged-in-pack = el objeto { $id } está dañado en su archivo pack (un tamaño o un delta incoherente)
cause-git-not-packed = el objeto { $id } no está en ningún archivo pack
cause-git-cycle = el commit { $id } es su propio antepasado: el historial forma un bucle, algo que solo un objeto dañado o falsificado puede hacer
hint-git-cycle = ejecute `git fsck` para encontrar los objetos dañados

layout-missing-path = no tiene el marcador {"{"}path{"}"}
layout-missing-lang = un patrón de traducción necesita el marcador {"{"}lang{"}"}
layout-repeated = el marcador {"{"}{ $name }{"}"} aparece más de una vez
layout-unknown = marcador desconocido {"{"}{ $name }{"}"}: solo existen {"{"}lang{"}"} y {"{"}path{"}"}
layout-outside-root = un patrón es una ruta relativa dentro del corpus, sin «..»
layout-too-long = el patrón es demasiado largo para designar archivos
layout-adjacent = {"{"}lang{"}"} y {"{"}path{"}"} deben ir separados por un carácter fijo

hint-run-init = ejecute `stele init` para crear uno, o use -C para indicar el corpus
hint-no-match = indique una fuente o una traducción (presente o ausente), o una carpeta que las contenga; `stele status -v` muestra todos los documentos
hint-nothing-exported = las líneas anteriores dicen qué se omitió; --include-outdated exporta las traducciones desactualizadas, --min-score 0 conserva todos los pares
hint-lang-tags = las etiquetas de idioma son como en, fr, es-419, pt-BR o zh-Hant
hint-layout = por ejemplo: layout = "content/{"{"}lang{"}"}/{"{"}path{"}"}", véase docs/config.md
hint-init-exists = edítelo, o bórrelo antes para empezar de nuevo
hint-git-init = un corpus vive en un repositorio git: ejecute primero `git init`
hint-not-utf8 = stele lee texto UTF-8; deje fuera los archivos binarios con `exclude` en stele.toml
hint-mark-not-translation = ejecute `stele status -v` para ver qué archivos son traducciones
hint-mark-is-source = marque en su lugar las traducciones de esta fuente
hint-mark-no-records = haga commit de la traducción cuando corresponda a su fuente: ese commit es su registro; o ponga records = "sidecar" para guardar los registros en archivos .stele junto a las traducciones
warning-ui-lang-fallback = stele no tiene mensajes en { $asked }: están en { $used }
hint-lang-by-name = escriba la etiqueta del idioma: { $tag }, no «{ $name }»
hint-lang-tracked-as = este corpus sigue { $lang } como { $tag }: --lang { $tag }
hint-lang-not-configured = añádalo a `languages` en { $path }

## check

cli-arg-corpora = Solo este corpus de stele.toml (repita para varios); todos por defecto
cli-check-about = Comprobar las reglas de compleción y actualidad, para la integración continua
cli-check-arg-paths = Solo los documentos con un archivo en estas rutas o debajo de ellas
cli-check-arg-langs = Solo estos idiomas (repita la opción, o sepárelos con comas)
cli-check-arg-min_complete = Porcentaje mínimo de traducciones al día: N para todos los idiomas, o IDIOMA=N (100 por defecto; para un cambio, ninguno salvo si está configurado)
cli-check-arg-max_outdated = Número máximo de traducciones desactualizadas por idioma (0 por defecto; para un cambio, ninguno salvo si está configurado)
cli-check-arg-allow_missing = Traducciones que pueden faltar: un glob sobre las rutas desde la raíz del repositorio
cli-check-arg-changed_since = Solo los documentos cuya fuente o traducciones cambiaron desde la base de fusión con REV (el trabajo propio de una pull request)
cli-check-arg-staged = Solo los documentos cuya fuente o traducciones están preparadas (lo que cambiaría el próximo commit): para un hook pre-commit
cli-check-arg-format = Formato de salida: text (por defecto), json, junit (informes de pruebas de integración continua), github (anotaciones en una pull request) o sarif (SARIF 2.1.0, para análisis de código)
cli-check-after =
    Las reglas vienen de [check] en stele.toml; las opciones dadas aquí las sustituyen. Con --changed-since o --staged, un cambio se juzga por lo que cambió (docs/config.md): una traducción que toca debe quedar al día; la que sus cambios en la fuente dejan desactualizada es un aviso.
    Códigos de salida: 0 se cumplen todas las reglas (salvo avisos); 1 el corpus incumple una regla; 2 error de uso, de configuración o de ejecución.
check-missing = pendiente (traducir { $source })
check-outdated = desactualizada
check-outdated-because = desactualizada: { $reason }
check-orphan = huérfana: su fuente ya no existe
check-unknown = estado desconocido
check-unknown-because = estado desconocido: { $reason }
check-message-missing = falta el mensaje «{ $id }»
check-message-outdated = el mensaje «{ $id }» cambió en la fuente desde que se hizo esta traducción
check-message-obsolete = el mensaje «{ $id }» ya no está en la fuente
check-key-missing = falta la clave «{ $key }»
check-key-outdated = la clave «{ $key }» cambió en la fuente desde que se hizo esta traducción
check-key-orphan = la clave «{ $key }» ya no está en la fuente
check-key-fuzzy = la entrada «{ $key }» está marcada como difusa (fuzzy): su traducción espera revisión
check-key-untranslated = la entrada «{ $key }» no está traducida
check-broken-reference = el mensaje «{ $id }» remite a «{ $target }», que este archivo no define
check-syntax-error = error de sintaxis: { $message }
ftl-expected-token = se esperaba «{ $token }» aquí
ftl-expected-char-range = se esperaba aquí uno de los caracteres { $range }
ftl-expected-message-field = el mensaje «{ $id }» no tiene ni valor ni atributo
ftl-expected-term-field = el término «{ $id }» no tiene valor
ftl-forbidden-callee = aquí no se puede llamar a una función
ftl-missing-default-variant = la selección no tiene variante por defecto (marcada con *)
ftl-missing-value = se esperaba un valor aquí
ftl-multiple-default-variants = la selección tiene más de una variante por defecto (marcada con *)
ftl-message-reference-as-selector = un mensaje no puede elegir una variante
ftl-term-reference-as-selector = un término no puede elegir una variante
ftl-message-attribute-as-selector = el atributo de un mensaje no puede elegir una variante
ftl-term-attribute-as-placeable = el atributo de un término no puede insertarse en el texto
ftl-unterminated-string = un texto entre comillas nunca se cierra
ftl-positional-after-named = un argumento sin nombre sigue a uno con nombre
ftl-duplicated-argument = el argumento «{ $name }» aparece dos veces
ftl-unknown-escape = «{ $sequence }» no es una secuencia de escape que Fluent conozca
ftl-invalid-unicode-escape = «{ $sequence }» no es un escape Unicode válido
ftl-unbalanced-closing-brace = una llave de cierre sin su llave de apertura
ftl-expected-inline-expression = se esperaba una expresión aquí
ftl-expected-simple-selector = se esperaba una variable, un texto o un número como selector
ftl-expected-literal = se esperaba un texto entre comillas o un número aquí
ftl-too-deep = los marcadores se anidan en más de { $max } niveles
check-below-minimum = { $lang } está completado al { $percent } %, por debajo del mínimo del { $min } %
check-too-many-outdated = { $lang } tiene { $count ->
    [one] una traducción desactualizada
   *[other] { $count } traducciones desactualizadas
    }, más de { $max ->
    [one] la única permitida
   *[other] las { $max } permitidas
    }
check-fix-missing = traduzca { $source } en { $path } y ejecute `stele mark { $path }`
check-fix-outdated = vea qué cambió con `stele diff { $path }`, actualice la traducción y ejecute `stele mark { $path }`
check-fix-orphan = bórrela (`git rm { $path }`) o restaure su fuente
check-fix-shallow = descargue todo el historial (`git fetch --unshallow`), o registre las bases con `stele mark`
check-ok = correcto
check-failed-lang = falla
check-lang-summary = completado al { $percent } %{ $min_applied ->
    [no] {""}
   *[yes] {" "}(mínimo { $min } %)
    }, { $outdated ->
    [one] { $outdated } desactualizada
   *[other] { $outdated } desactualizadas
    }{ $max_applied ->
    [no] {""}
   *[yes] {" "}(máximo { $max })
    }
check-sources = fuentes:
check-more = { $count ->
    [one] un problema más sin listar: --all los lista todos, --lang { $lang } todos los de este idioma
   *[other] { $count } problemas más sin listar: --all los lista todos, --lang { $lang } todos los de este idioma
}
check-more-sources = { $count ->
    [one] un problema más sin listar: --all los lista todos
   *[other] { $count } problemas más sin listar: --all los lista todos
}
check-passed = comprobación superada: { $langs ->
    [one] un idioma
   *[other] { $langs } idiomas
    }, { $translations ->
    [one] una traducción comprobada
   *[other] { $translations } traducciones comprobadas
    }
check-failed = comprobación fallida: { $count ->
    [one] un problema
   *[other] { $count } problemas
    } ({ $translations ->
    [one] una traducción comprobada
   *[other] { $translations } traducciones comprobadas
    })
check-passed-warnings = comprobación superada: { $langs ->
    [one] un idioma
   *[other] { $langs } idiomas
    }, { $translations ->
    [one] una traducción comprobada
   *[other] { $translations } traducciones comprobadas
    }, { $warnings ->
    [one] un aviso
   *[other] { $warnings } avisos
    }
check-failed-warnings = comprobación fallida: { $count ->
    [one] un problema
   *[other] { $count } problemas
    }, { $warnings ->
    [one] un aviso
   *[other] { $warnings } avisos
    } ({ $translations ->
    [one] una traducción comprobada
   *[other] { $translations } traducciones comprobadas
    })
check-junit-rules = reglas del idioma
label-fix = solución:
status-corpus = Corpus { $name }
status-source-syntax-error = { $path }, línea { $line }: error de sintaxis: { $message }
reason-source-changed-short = la fuente cambió desde la versión de la que se tradujo
reason-messages = mensajes: { $missing } pendientes, { $outdated } modificados en la fuente, { $obsolete } obsoletos, { $broken } referencias rotas
reason-messages-short = faltan mensajes, o cambiaron, o están obsoletos
reason-keys = claves: { $missing } pendientes, { $outdated } modificadas en la fuente, { $orphan } ya no presentes en la fuente, { $review } difusas o sin traducir (de { $total })
reason-keys-short = faltan claves, o cambiaron, o ya no están en la fuente
reason-syntax-error = { $count ->
    [one] un error de sintaxis
   *[other] { $count } errores de sintaxis
    } (el primero en la línea { $line })
reason-syntax-error-short = errores de sintaxis
error-unknown-corpus = stele.toml no define ningún corpus llamado «{ $name }» (definidos: { $known })
hint-unknown-corpus = los corpus son las tablas [corpora.<nombre>] de { $path }
error-bad-rule = { $option } { $value }: se espera un porcentaje de 0 a 100, o IDIOMA=PORCENTAJE
error-bad-score = --min-score { $value }: se espera una puntuación entre 0 y 1
error-bad-count = { $option } { $value }: se espera un número entero, { $min } o más
error-same-output = { $first } y { $second } designan ambos { $path }: una misma ejecución no puede escribir dos archivos en el mismo sitio; no se escribió nada
hint-same-output = dé a cada opción su propio archivo
hint-default-output-link = stele eligió este nombre por sí mismo y no escribe a través de un enlace en ese lugar: elimine el enlace o indique otro lugar con { $option }
error-bad-glob = «{ $pattern }» no es un glob válido
error-bad-revision = «{ $rev }» no designa ningún commit de este repositorio
hint-bad-revision = en la integración continua, descargue antes la rama de destino (por ejemplo `git fetch origin main`) y use su nombre completo (origin/main)

## diff, log, ack

cli-diff-about = Mostrar qué cambió en una fuente desde que se hicieron sus traducciones, palabra por palabra
cli-diff-arg-target = Un archivo fuente o de traducción, o el identificador de un documento
cli-diff-arg-langs = Solo estos idiomas (repita la opción, o sepárelos con comas)
cli-diff-arg-from = Comparar el archivo tal como estaba en esta revisión…
cli-diff-arg-to = …con esta revisión (por defecto: la copia de trabajo)
cli-diff-arg-side_by_side = Mostrar los cambios de la fuente y la traducción en dos columnas
cli-diff-arg-format = Formato de salida: text (por defecto) para personas, json para programas
cli-log-about = Mostrar el historial de un documento, o sin documento los últimos cambios de fuentes y cómo están sus traducciones
cli-log-arg-target = Un archivo fuente o traducción, o un identificador de documento; todas las fuentes de los corpus si falta
cli-log-arg-format = Formato de salida: text (por defecto) para personas, json para programas
cli-log-arg-max_count = Como mucho este número de commits (por defecto: 20 sin documento, todos con uno)
cli-ack-about = Declarar que el último cambio de una fuente no requiere retraducción (una errata, por ejemplo)
cli-ack-arg-source = La fuente cuyo último cambio no requiere retraducción
cli-ack-arg-cosmetic = Todas las fuentes del corpus cuyo último cambio es solo cosmético (espacios, puntuación, tipografía, mayúsculas, erratas)
cli-ack-arg-dry_run = Mostrar lo que cambiaría, sin escribir nada
cli-ack-arg-force = Registrar un cambio que no es solo cosmético (palabras, números, enlaces o código modificados)
status-stale-blocks = { $blocks ->
    [one] un bloque
   *[other] { $blocks } bloques
    } por actualizar ({ $words ->
    [one] una palabra
   *[other] { $words } palabras
    })
status-stale-cosmetic = solo cambios de forma (`stele ack` sobre la fuente si no hace falta actualizar)
diff-heading = { $path } ({ $lang }): { $state }
diff-heading-reason = { $path } ({ $lang }): { $state }, { $reason }
diff-summary = Fuente { $source }: { $blocks ->
    [one] un bloque
   *[other] { $blocks } bloques
    } por actualizar ({ $words ->
    [one] una palabra
   *[other] { $words } palabras
    }).
diff-block = { $kind }, { $change } · líneas { $s1 }–{ $s2 } de la fuente · líneas { $t1 }–{ $t2 } de la traducción
diff-message-changed = mensaje { $id }, modificado en la fuente · línea { $line } de la traducción
diff-message-missing = mensaje { $id }, ausente de la traducción · línea { $line } de la fuente
diff-message-obsolete = mensaje { $id }, que ya no está en la fuente · línea { $line } de la traducción
diff-key-changed = clave { $id }, modificada en la fuente · línea { $line } de la traducción
diff-key-missing = clave { $id }, ausente de la traducción · línea { $line } de la fuente
diff-key-obsolete = clave { $id }, que ya no está en la fuente · línea { $line } de la traducción
diff-key-fuzzy = entrada { $id }, marcada como difusa · línea { $line } de la traducción
diff-key-untranslated = entrada { $id }, sin traducir · línea { $line } de la traducción
diff-kind-changed = modificado
diff-kind-added = añadido
diff-kind-removed = suprimido
diff-change-cosmetic = de forma
diff-change-mechanical = mecánico
diff-change-content = de fondo
diff-label-source = fuente:
diff-label-translation = traducción:
diff-label-source-column = fuente (cambios)
diff-label-translation-column = traducción
diff-insert-here = (el texto nuevo va aquí)
diff-missing = Aún no existe: traduzca { $source }.
diff-no-basis = La versión de la fuente a partir de la cual se hizo no está en este repositorio: no se puede mostrar qué cambió en { $source }.
diff-all-current = Todas las traducciones de { $id } están al día: nada cambió en su fuente desde entonces.
diff-none-outdated = Ninguna traducción de { $id } está desactualizada: { $states }.
diff-nothing = Nada que mostrar para { $target }.
diff-revisions = { $path }: { $from } → { $to }
diff-hunk = líneas { $o1 }–{ $o2 } → { $n1 }–{ $n2 }, { $change }
diff-work-tree = copia de trabajo
diff-no-changes = Sin cambios.
log-heading = { $id }: fuente { $source } ({ $lang })
log-empty = Ningún commit lo ha modificado todavía.
log-added = añadida
log-changed = modificada
log-marked = marcada
log-deleted = borrada
log-renamed = renombrada
log-skipped = no es trabajo de traducción
log-corpus-empty = Ningún commit ha cambiado aún una fuente.
log-corpus-heading = { $count ->
    [one] El último commit que cambió una fuente, y cómo están sus traducciones:
   *[other] Los últimos { $count } commits que cambiaron fuentes, y cómo están sus traducciones:
    }
log-now = hoy: { $states }
log-more-current = { $count } más al día
log-source = fuente { $change }
log-translation = { $lang } { $change }
log-states = después: { $states }
ack-summary = { $source }: el cambio de { $previous } a { $current } no requiere retraducción; { $count ->
    [one] una traducción pasa
   *[other] { $count } traducciones pasan
    } a { $current }.
ack-cosmetic-summary = { $count ->
    [one] una fuente registrada
   *[other] { $count } fuentes registradas
    }; { $left ->
    [one] una sin registrar: su cambio es más que cosmético
   *[other] { $left } sin registrar: su cambio es más que cosmético
    }
ack-summary-dry-run = { $source }: el cambio de { $previous } a { $current } no requiere retraducción; { $count ->
    [one] una traducción pasaría
   *[other] { $count } traducciones pasarían
    } a { $current } (simulación: no se escribe nada).
ack-cosmetic-summary-dry-run = { $count ->
    [one] una fuente se registraría
   *[other] { $count } fuentes se registrarían
    } (simulación: no se escribe nada); { $left ->
    [one] una sin registrar: su cambio es más que cosmético
   *[other] { $left } sin registrar: su cambio es más que cosmético
    }
ack-moved = se escribió { $path }
ack-would-move = se escribiría { $path }
ack-left-current = { $path } sin tocar: ya está al día
ack-left-outdated = { $path } sin tocar: ya estaba desactualizada antes de este cambio
ack-left-missing = { $path } sin tocar: no existe
error-ack-not-cosmetic = { $path }: el último cambio no es solo cosmético y puede requerir una nueva traducción; no se ha registrado nada
cause-ack-content = línea { $line }: cambiaron las palabras: «{ $old }» → «{ $new }»
cause-ack-mechanical = línea { $line }: cambiaron números, enlaces o código: «{ $old }» → «{ $new }»
hint-ack-not-cosmetic = `stele diff` sobre una traducción de { $path } muestra el cambio; `stele ack --force` lo registra de todos modos
error-ack-not-source = { $path } no es una fuente de este corpus
hint-ack-not-source = ack recibe la fuente cuyo cambio no requiere retraducción; mark recibe traducciones
error-no-earlier-version = { $path } no tiene ninguna versión anterior con la que compararse
error-no-such-target = { $target } no es ni un archivo ni un documento del corpus
hint-no-such-target = indique un archivo fuente o de traducción, o el identificador de un documento tal como lo muestra `stele status -v`
error-not-at-revision = { $path } no existe en { $rev }

## align

cli-align-about = Alinear dos archivos de texto frase por frase, fuera de cualquier corpus
cli-align-arg-source = El archivo fuente: un párrafo por línea (una frase por línea con --presegmented)
cli-align-arg-target = El archivo de destino, igualmente
cli-align-arg-langs = Los dos idiomas, primero la fuente: en,fr
cli-align-arg-presegmented = Los archivos ya tienen una frase por línea: no dividirlos
cli-align-arg-format = Formato de salida: beads (por defecto: `i,j:k,l`, números de frase desde 0, `5:` y `:7` para una frase sin correspondencia) o tsv (fuente, destino, puntuación)
cli-align-arg-sentences_out = Escribir las frases divididas en DIR/source.txt y DIR/target.txt, una por línea

## export

cli-export-about = Exportar pares bilingües alineados: TMX, TSV, JSONL, Moses, XLIFF o PO
cli-export-arg-pair = Los dos idiomas, primero la fuente: fr-en (o fr,en, fr:en)
cli-export-arg-format = Formato de salida: tmx (por defecto, TMX 1.4b), tsv (fuente, destino, puntuación, documento), jsonl, moses (dos archivos, RUTA.<fuente> y RUTA.<destino>), xliff (XLIFF 2.0) o po (gettext)
cli-export-arg-level = sentence (frases, por defecto) o paragraph (párrafos)
cli-export-arg-output = Escribir en este archivo (escrito entero y luego puesto en su lugar) en vez de la salida estándar
cli-export-arg-code = Exportar también el código: líneas de órdenes y bloques de código, cada uno puntuado según su parecido con su equivalente (se omiten por defecto)
cli-export-arg-include_outdated = Exportar también las traducciones desactualizadas (por defecto, solo las que están al día)
cli-export-arg-min_score = Dejar fuera los pares cuya probabilidad de ser traducción el uno del otro sea inferior a X, de 0 a 1 (por defecto 0,1, que conserva cerca del 99 % de los pares correctos)
cli-export-arg-left_out = Escribir en ARCHIVO (JSON) cada frase o bloque no exportado, dónde está y por qué
cli-export-arg-paths = Solo los documentos con un archivo en estas rutas o debajo de ellas
export-summary = { $pairs ->
    [one] Se exportó un par
   *[other] Se exportaron { $pairs } pares
    } ({ $level }) de { $documents ->
    [one] un documento
   *[other] { $documents } documentos
    }.
export-level-sentence = frases
export-level-paragraph = párrafos
export-left-missing = fuera: { $count ->
    [one] un documento
   *[other] { $count } documentos
    } sin uno de los dos idiomas
export-left-not-current = fuera: { $count ->
    [one] un documento
   *[other] { $count } documentos
    } cuya traducción no está al día (--include-outdated los exporta)
export-left-not-text = fuera: { $count ->
    [one] un recurso Fluent
   *[other] { $count } recursos Fluent
    } (solo se exportan los corpus de textos)
export-left-score = fuera: { $count ->
    [one] un par
   *[other] { $count } pares
    } por debajo de --min-score
export-left-basis-unreadable = fuera: { $count ->
    [one] un documento
   *[other] { $count } documentos
    } cuya traducción desactualizada tiene una versión de origen ilegible
export-changed-since = no exportados: { $count ->
    [one] un bloque
   *[other] { $count } bloques
    } de traducciones desactualizadas cuya fuente cambió desde que se tradujeron
export-why-no-counterpart = sin equivalente
export-why-source-changed = su fuente cambió desde que se tradujo
export-why-below-score = puntuación { $score }, inferior a --min-score
export-unpaired = no exportados: { $count ->
    [one] una frase o un bloque
   *[other] { $count } frases o bloques
    } sin correspondencia
error-same-language-pair = { $option } «{ $value }» empareja un idioma consigo mismo: indique dos idiomas distintos
error-bad-pair = «{ $value }» no es un par de idiomas del corpus
error-bad-lang-pair = «{ $value }» no es un par de idiomas
hint-bad-pair = escriba primero el idioma de origen: { $option } fr-en, { $option } fr,en o { $option } pt-BR:en
error-needs-commit = { $path }: su referencia ({ $pin }) registra un commit, y la fuente tiene cambios sin confirmar
hint-needs-commit = confirme primero la fuente (commit) y luego marque la traducción
error-not-read-back = { $path }: stele escribiría una referencia ({ $pin }) que no se vuelve a leer tal como se escribió; el archivo queda como está
hint-not-read-back = escriba la referencia en una línea propia, en el primer nivel del front matter
error-filter-driver = { $path }: se aplica el filtro «{ $driver }», y stele no ejecuta filtros
hint-filter-driver = excluya el archivo del corpus (exclude = […] en stele.toml), o quite el filtro de .gitattributes
error-hash-failed = { $path }: no se puede calcular el identificador de blob git del archivo
error-moses-needs-output = el formato moses escribe dos archivos: indique su ruta común con -o (por ejemplo -o corpus, para corpus.{ $source } y corpus.{ $target })

# stele mv, and renamed sources
cli-mv-about = Mover un documento: su fuente y todas sus traducciones, con sus registros (o las traducciones tras una fuente que git ya movió)
cli-mv-arg-old = La ruta actual de la fuente, o la de antes de que git la moviera
cli-mv-arg-new = La nueva ruta de la fuente
cli-mv-arg-dry_run = Mostrar lo que se movería; no mover nada
cli-mv-arg-quiet = No mostrar nada
cli-mv-arg-verbose = Mostrar cada movimiento (como sin -v)
mv-moved = { $from } movido → { $to }
mv-would-move = { $from } se movería → { $to }
error-mv-not-source = { $path } no es la fuente de ningún documento
hint-mv-not-source = indique la ruta de la fuente tal como la muestra `stele status` (para un huérfano, la ruta que da para su fuente)
error-mv-not-source-path = { $path } no es un lugar de fuente del corpus { $corpus }
error-mv-same = el documento ya está en { $path }
error-mv-exists = { $path } ya existe: no se movió nada
error-mv-outside = { $path } quedaría fuera del repositorio (una carpeta del camino es un enlace): no se movió nada
error-mv-git-folder = { $path } está dentro de una carpeta llamada .git, que git reserva para sí y nunca sigue: no se movió nada
error-mv-nothing = no existe ningún archivo del documento de { $path }: nada que mover
error-mv-io = no se puede mover { $from } a { $to } (los archivos movidos antes volvieron a su lugar)
status-orphan-renamed = su fuente fue renombrada a { $to }: `stele mv { $from } { $to }` la mueve
diff-orphan = Su fuente { $source } no existe: no hay nada con qué compararla.
diff-orphan-renamed = Su fuente { $source } fue renombrada a { $to }: mueva la traducción con `stele mv { $source } { $to }`.
mv-pinned = Versión de la fuente de origen registrada en { $path } ({ $blob }): su historial queda en la ruta antigua
mv-would-pin = Registraría en { $path } la versión de la fuente de origen ({ $blob })

# stele qa
cli-qa-about = Revisar las traducciones como un revisor: números, omisiones, texto sin traducir, enlaces, términos
cli-qa-arg-paths = Solo los documentos con un archivo en estas rutas o debajo
cli-qa-arg-langs = Solo estos idiomas (repetir la opción, o separar con comas)
cli-qa-arg-include_outdated = Revisar también las traducciones desactualizadas (solo las actuales por defecto)
cli-qa-arg-format = Formato de salida: text (por defecto), json, github (anotaciones) o sarif (SARIF 2.1.0, para análisis de código)
cli-qa-arg-quiet = Mostrar solo la línea de cada hallazgo, sin los dos textos
cli-qa-arg-verbose = Mostrar lo mismo (cada hallazgo se muestra siempre)
label-error-bare = error
label-warning-bare = aviso
qa-number = los números difieren: { $missing } en la fuente, { $extra } en la traducción
qa-enumeration = la fuente enumera { $source } elementos, la traducción { $translation }: sin equivalente para { $missing }
qa-omission = texto de la fuente sin equivalente en la traducción
qa-addition = texto de la traducción sin equivalente en la fuente
qa-untranslated = dejado como en la fuente
qa-spacing = un espacio perdido o de más: «{ $text }»
qa-url = las direcciones difieren: { $missing } en la fuente, { $extra } en la traducción
qa-link = los destinos de los enlaces difieren: { $missing } en la fuente, { $extra } en la traducción
qa-image = las imágenes difieren: { $missing } en la fuente, { $extra } en la traducción
qa-inline-code = el código difiere: { $missing } en la fuente, { $extra } en la traducción
qa-emphasis = { $source } pasajes resaltados en la fuente, { $translation } en la traducción
qa-heading = los títulos difieren: { $source } en la fuente, { $translation } en la traducción (o sus niveles)
qa-code-block = { $source } bloques de código en la fuente, { $translation } en la traducción
qa-code-block-changed = un bloque de código difiere del de la fuente
qa-brackets = paréntesis sin cerrar en la traducción (cerrado en la fuente): { $text }
qa-quotes = comilla sin cerrar en la traducción (cerrada en la fuente): { $text }
qa-conflict-marker = un marcador de conflicto de git: { $text }
qa-placeholder = texto provisional dejado en la traducción: { $text }
qa-terminology = «{ $source }» se traduce «{ $translation }» según el glosario
qa-forbidden-term = «{ $source }» es una variante que el glosario prohíbe
qa-key-placeholder = las variables difieren: { $missing } en la fuente, { $extra } en la traducción
qa-key-tag = las etiquetas HTML difieren: { $missing } en la fuente, { $extra } en la traducción
qa-key-spaces = los espacios al principio o al final difieren de los de la fuente
qa-key-spaces-leading = la fuente empieza con un espacio y la traducción no, o al revés
qa-key-spaces-trailing = la fuente termina con un espacio y la traducción no, o al revés
qa-icu-syntax = las llaves del mensaje ICU ya no están equilibradas (en la fuente sí)
qa-summary = { $errors ->
    [one] un error
   *[other] { $errors } errores
    }, { $warnings ->
    [one] un aviso
   *[other] { $warnings } avisos
    } en { $translations ->
    [one] una traducción
   *[other] { $translations } traducciones
    } ({ $suppressed } ignorados)
qa-summary-clean = Ningún hallazgo en { $translations ->
    [one] una traducción
   *[other] { $translations } traducciones
    } ({ $suppressed } ignorados).
qa-rule-number = Números, fechas y cantidades que difieren
qa-rule-enumeration = Una enumeración a la que la traducción le quita elementos
qa-rule-omission = Texto de la fuente sin equivalente
qa-rule-addition = Texto de la traducción sin equivalente
qa-rule-untranslated = Texto sin traducir
qa-rule-spacing = Un espacio perdido o de más
qa-rule-url = Direcciones que difieren
qa-rule-link = Destinos de enlaces que difieren
qa-rule-image = Imágenes que difieren
qa-rule-inline-code = Código que difiere
qa-rule-emphasis = Resaltado que difiere
qa-rule-heading = Títulos que difieren
qa-rule-code-block = Bloques de código que difieren
qa-rule-brackets = Paréntesis sin cerrar
qa-rule-quotes = Comillas sin cerrar
qa-rule-conflict-marker = Un marcador de conflicto de git
qa-rule-placeholder = Texto provisional
qa-rule-terminology = Un término del glosario mal traducido
qa-rule-forbidden-term = Una variante que el glosario prohíbe
qa-rule-key-placeholder = Variables que difieren en una clave de diccionario
qa-rule-key-tag = Etiquetas HTML que difieren en una clave de diccionario
qa-rule-key-spaces = Espacios iniciales o finales que difieren en una clave de diccionario
qa-rule-icu-syntax = Sintaxis de mensaje ICU rota en una clave de diccionario
error-qa-unknown-check = { $path }, línea { $line }: no hay ninguna comprobación `{ $id }`
hint-qa-checks = las comprobaciones son: { $known }
error-glossary-read = no se puede leer el glosario { $path }
error-glossary-syntax = { $path }, línea { $line }: el glosario no se puede leer
error-glossary-too-large = { $path }, línea { $line }: el glosario supera los { $max } bytes, su tamaño máximo
error-glossary-table-too-large = { $path }, línea { $line }: esta tabla del glosario (un [[term]] y las líneas hasta el siguiente, o términos escritos en una sola matriz) mide { $bytes } bytes, más de los { $max } permitidos
error-glossary-too-many-terms = { $path }, línea { $line }: el glosario tiene más de { $max } términos, el máximo
error-glossary-spelling-too-long = { $path }, línea { $line }: una grafía de este término en «{ $lang }» mide { $bytes } bytes, más de los { $max } permitidos
error-glossary-too-many-spellings = { $path }, línea { $line }: este término tiene { $count } grafías, más de las { $max } permitidas
hint-glossary-limits = los límites de un glosario se describen en docs/config.md (What stele qa checks)
check-qa-heading = Calidad (stele qa):
check-rule-missing = Falta una traducción
check-rule-outdated = Una traducción está desactualizada
check-rule-orphan = Una traducción no tiene fuente
check-rule-unknown = El estado de una traducción es desconocido
check-rule-message-missing = Falta un mensaje
check-rule-message-outdated = Un mensaje está desactualizado
check-rule-message-obsolete = Un mensaje ya no existe en la fuente
check-rule-key-missing = Falta una clave de diccionario
check-rule-key-outdated = Una clave de diccionario está desactualizada
check-rule-key-orphan = Una clave de diccionario ya no existe en la fuente
check-rule-key-to-review = Una entrada PO es difusa o no está traducida
check-rule-broken-reference = Un mensaje remite a uno que no existe
check-rule-syntax-error = Un archivo no se puede leer
check-rule-below-minimum = Un idioma está por debajo de su mínimo
check-rule-too-many-outdated = Un idioma tiene demasiadas traducciones desactualizadas

# status --format markdown
md-title = Estado de las traducciones
md-sources = { $count ->
    [one] 1 documento fuente.
   *[other] { $count } documentos fuente.
}
md-change-clean = Este cambio no deja ninguna traducción por actualizar.
md-change-left = { $count ->
    [one] Este cambio deja 1 traducción por escribir o actualizar
   *[other] Este cambio deja { $count } traducciones por escribir o actualizar
}
md-needs-work = { $count ->
    [one] 1 traducción necesita trabajo
   *[other] { $count } traducciones necesitan trabajo
}
md-col-state = Estado
md-col-file = Archivo
md-col-detail = Detalle
md-col-keys = Claves
md-missing-detail = { $words ->
    [one] 1 palabra por traducir
   *[other] { $words } palabras por traducir
}
md-orphan-renamed = su fuente se renombró a { $to }

# stele report
cli-report-about = Escribir un informe HTML del corpus (un solo archivo autónomo), insignias de shields.io y datos de aviso para un sitio estático
cli-report-arg-paths = Solo los documentos con un archivo en estas rutas o por debajo
cli-report-arg-langs = Solo estos idiomas (repetir la opción, o separarlos con comas)
cli-report-arg-output = Dónde escribir el informe HTML (por defecto: stele-report.html, salvo con --badges o --banners; - para la salida estándar)
cli-report-arg-badges = Escribir también una insignia de shields.io (endpoint) por idioma en esta carpeta (LANG.json; con varios corpus, CORPUS/LANG.json)
cli-report-arg-banners = Escribir también los datos de aviso en este archivo: el estado de cada traducción, por ruta, para que un sitio muestre «esta traducción puede estar desactualizada»
cli-report-arg-banners_missing = Con --banners: también las traducciones que faltan (omitidas por defecto: un sitio no tiene página para ellas)
cli-report-arg-history = Cuántos commits abarca el gráfico de historial (50 por defecto; 0 para ninguno)
cli-report-arg-quiet = No mostrar nada
cli-report-arg-verbose = Mostrar lo mismo
report-title = Informe de traducción
report-subtitle = Commit { $commit } · corpus { $corpora } · generado por stele { $version }
report-skip = Ir a los documentos
report-summary-heading = Avance por idioma
report-heat-heading = Avance por carpeta
report-heat-caption = Proporción de traducciones al día, por carpeta e idioma
report-heat-cell = { $current } de { $total } al día
report-folder-top = (primer nivel)
report-history-heading = { $count ->
    [one] Traducido, en el último commit
   *[other] Traducido, en los últimos { $count } commits
}
report-history-note = La proporción de fuentes que tenían un archivo de traducción en cada idioma después de cada commit que modificó los documentos; no se juzga si cada traducción estaba al día en ese momento.
report-history-none = Ningún commit ha modificado aún estos documentos.
report-history-table = El gráfico como tabla
report-col-commit = Commit
report-col-date = Fecha
report-docs-heading = Documentos
report-filters = Filtros
report-filter-lang = Idioma
report-filter-state = Estado
report-filter-folder = Carpeta
report-filter-any = todos
report-shown = Traducciones mostradas: { $shown } de { $total }
report-no-script = Las listas de traducciones necesitan JavaScript; las tablas de arriba, no.
report-col-file = Archivo
report-col-words = Palabras
report-show-more = Mostrar más
report-diff-cut = El diff no está en este informe (lo haría demasiado grande): stele diff { $path } lo muestra.
report-col-document = Documento
report-outdated-heading = Traducciones desactualizadas
report-outdated-none = Ninguna traducción está desactualizada.
report-block-changed = Modificado: líneas { $from }–{ $to } de la fuente
report-block-added = Añadido: líneas { $from }–{ $to } de la fuente
report-block-removed = Eliminado: estaba en la línea { $from } de la fuente
report-more-blocks = { $count ->
    [one] …y 1 bloque más (stele diff lo muestra).
   *[other] …y { $count } bloques más (stele diff los muestra).
}
report-orphans-heading = Traducciones huérfanas
report-orphans-none = Ninguna traducción es huérfana.
report-col-state = Estado
report-col-keys = Claves
report-keys-caption = Claves de los diccionarios, contadas aparte de sus archivos
report-dicts-heading = Diccionarios, clave por clave
report-dicts-more = { $count ->
    [one] …y 1 diccionario más (stele status --format json lo lista).
   *[other] …y { $count } diccionarios más (stele status --format json los lista).
}
report-written = Informe escrito en { $path }.
report-badges-written = { $count ->
    [one] 1 insignia escrita en { $dir }.
   *[other] { $count } insignias escritas en { $dir }.
}
report-banners-written = { $count ->
    [one] Datos de aviso de 1 traducción escritos en { $path }.
   *[other] Datos de aviso de { $count } traducciones escritos en { $path }.
}

## suggest, export --todo, import: el taller del traductor

cli-suggest-about = Muestra lo que la memoria del corpus contiene para cada bloque de una traducción por traducir o actualizar, con la traducción anterior del bloque junto al cambio de su fuente
cli-suggest-arg-target = Un archivo de traducción (presente o esperado), o una fuente con --lang
cli-suggest-arg-langs = Con una fuente: los idiomas para los que sugerir (repetir, o separar con comas; todos los que tienen trabajo si no se da ninguno)
cli-suggest-arg-min = Muestra coincidencias de al menos N % (75 por defecto): la puntuación de coincidencia difusa de las herramientas TAO, 100 × (1 − distancia de edición en palabras ÷ palabras del texto más largo)
cli-suggest-arg-limit = Muestra como máximo N coincidencias por bloque (3 por defecto)
cli-suggest-arg-format = Formato de salida: text (por defecto) para personas, json para programas
cli-import-about = Reincorpora el trabajo traducido de un archivo XLIFF o PO escrito por export --todo: cada unidad en su lugar, y marca lo que está completo
cli-import-arg-file = El archivo XLIFF o PO traducido
cli-import-arg-dry_run = Dice lo que se escribiría; no escribe ni marca nada
cli-export-arg-todo = Solo el trabajo pendiente hacia --lang: cada bloque por traducir o actualizar, con su traducción actual y la mejor coincidencia de la memoria, en XLIFF 1.2 (--format xliff) o PO (--format po), que stele import reincorpora
cli-export-arg-lang = Con --todo: el idioma al que se traduce
suggest-memory = memoria { $lang }: { $units } pares de textos ({ $kept } documentos de la caché, { $paired } realineados; { $bytes } bytes)
suggest-nothing = { $path } ({ $lang }) está { $state }: nada que traducir ni actualizar.
suggest-all-current = { $target }: ninguna traducción necesita trabajo.
suggest-heading = { $path } ({ $lang }, { $state }): { $blocks ->
    [one] un bloque
   *[other] { $blocks } bloques
} por traducir o actualizar
suggest-removed = { $count ->
    [one] Se eliminó un bloque de la fuente: borre su traducción, línea { $lines }.
   *[other] Se eliminaron { $count } bloques de la fuente: borre su traducción, líneas { $lines }.
}
suggest-front-matter = { $count ->
    [one] Un cambio en el encabezado: stele diff { $path } lo muestra.
   *[other] { $count } cambios en el encabezado: stele diff { $path } los muestra.
}
suggest-work-update = por actualizar
suggest-work-add = por añadir
suggest-work-translate = por traducir
suggest-block = bloque { $number }, { $work } · líneas { $s1 }–{ $s2 } de la fuente · línea { $t1 } de la traducción
suggest-label-source = fuente:
suggest-label-translation = ahora:
suggest-label-match-source = era:
suggest-label-match-target = da:
suggest-code = código: tal como lo escribe la fuente, adaptado donde la traducción lo adapta
suggest-no-match = ninguna coincidencia de { $min } % o más en la memoria
suggest-match = { $score } %{ $exact ->
    [yes] , exacta
   *[no] {""}
} · { $path }{ $elsewhere ->
    [0] {""}
    [one] {" "}(y otro documento)
   *[other] {" "}(y { $elsewhere } documentos más)
}
export-todo-nothing = Nada que traducir ni actualizar hacia { $lang }: no se escribió ningún archivo.
export-todo-summary = { $units ->
    [one] Un bloque
   *[other] { $units } bloques
} de { $translations ->
    [one] una traducción
   *[other] { $translations } traducciones
} hacia { $lang } exportados.
export-todo-left = { $count ->
    [one] Una traducción quedó fuera: su estado es desconocido o su base no se puede leer (stele diff dice cuál).
   *[other] { $count } traducciones quedaron fuera: su estado es desconocido o su base no se puede leer (stele diff dice cuáles).
}
import-refused-source-changed = su fuente cambió desde la exportación
import-refused-not-found = su lugar en la traducción cambió desde la exportación
import-refused-incomplete = una traducción nueva solo se escribe cuando todos sus bloques están traducidos
import-refused = { $file }, línea { $line }: { $id } no escrito: { $why }
import-refused-plural = un valor en plural: sus formas se editan a mano en el archivo
import-refused-no-parent = el diccionario aún no tiene ninguna clave bajo el mismo padre: añada una a mano
import-refused-not-in-place = su valor no puede reemplazarse en su sitio sin cambiar otra clave o romper el archivo
import-refused-key = { $file }, línea { $line }: { $id } (clave { $key }) no escrito: { $why }
suggest-key = clave { $key }, { $work } · línea { $s1 } de la fuente · línea { $t1 } de la traducción
suggest-plural = { $count ->
    [one] Una clave en plural que añadir o actualizar a mano en { $path }.
   *[other] { $count } claves en plural que añadir o actualizar a mano en { $path }.
}
import-would-write = escribiría { $units ->
    [one] una unidad
   *[other] { $units } unidades
} en { $path }
import-wrote = { $path }: { $units ->
    [one] una unidad escrita
   *[other] { $units } unidades escritas
}
import-history = { $count ->
    [one] Una traducción está completa; su corpus no lleva registros: confírmela (commit) para que esté al día.
   *[other] { $count } traducciones están completas; su corpus no lleva registros: confírmelas (commit) para que estén al día.
}
import-summary = { $units ->
    [one] Una unidad importada
   *[other] { $units } unidades importadas
} en { $files ->
    [one] un archivo
   *[other] { $files } archivos
}; { $marked } marcadas al día, { $untranslated } aún sin traducir, { $refused } rechazadas.
cause-import-too-large = supera { $limit }, más de lo que contiene cualquier archivo de trabajo
cause-import-not-utf8 = no es texto UTF-8 válido
cause-import-syntax = no es XLIFF ni PO bien formado en este punto
cause-import-truncated = termina antes de estar completo: el archivo se cortó
cause-import-not-todo = no es un archivo escrito por stele export --todo (no nombra ningún corpus)
cause-import-over-budget = contiene más unidades, o elementos más anidados, que un archivo de trabajo
cause-import-no-context = una unidad no tiene un identificador que diga adónde va (ruta de la traducción y número de bloque)
hint-import-export-todo = exporte de nuevo el trabajo pendiente con stele export --todo --lang IDIOMA, tradúzcalo e importe ese archivo
error-import-read = no se puede importar { $path } (línea { $line })
error-import-other-corpus = { $path } se exportó del corpus { $corpus }, que este proyecto no tiene (o no en su idioma)
error-import-unknown-unit = { $path }, línea { $line }: la unidad { $id } no existe en este corpus
error-todo-format = export --todo solo escribe xliff o po
error-todo-one-corpus = hay trabajo pendiente en varios corpus ({ $corpora }): un archivo de trabajo contiene uno
hint-todo-one-corpus = nombre uno con --corpus
error-import-refused = { $count ->
    [one] se rechazó una unidad de { $path } (nombrada arriba); las demás se escribieron
   *[other] se rechazaron { $count } unidades de { $path } (nombradas arriba); las demás se escribieron
}
hint-import-refused = exporte de nuevo el trabajo pendiente de esos bloques: stele export --todo
