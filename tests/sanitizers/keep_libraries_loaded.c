// Preloaded into sanitizer test runs only: makes dlclose() a no-op, so that a GL driver unloaded
// at exit still has a name when LeakSanitizer reports what it left allocated. Without it such
// stacks read "<unknown module>" and cannot be told apart from our own leaks.
int dlclose(void* handle) {
  (void)handle;
  return 0;
}
