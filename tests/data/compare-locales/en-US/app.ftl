# Comment
-brand = Stele
hello = Hello, { $name }!
bye = Goodbye
    .title = Leaving
new = New in English
about = { -brand } tracks translations
