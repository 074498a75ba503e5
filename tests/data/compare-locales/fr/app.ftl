-brand = Stele
hello = Bonjour, { $name } !
bye = Au revoir
    .title = Départ
old = Ancien
about = { -brand } suit les traductions
