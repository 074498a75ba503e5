-brand = Stele
hello = Hi, { $name }!
    .title = { -brand }
n = { $n ->
    [one] one
   *[other] { $n }
}
