// Function names as people write them. The model keeps repeated definitions apart with a `#n`
// suffix (`Command.main#3`: the implementation after two `@overload` stubs); that suffix is for keys,
// never for messages or for matching a function by its name.

/** `Command.main#3` -> `Command.main`. */
export function plainName(qualifiedName: string): string {
  return qualifiedName.replace(/#\d+/g, '')
}
