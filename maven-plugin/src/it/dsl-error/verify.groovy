// The failure names the file, line and column, shows the line with a caret, and is no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains("src/main/odec/bad/bad.ode:3:11: error: unknown identifier 'mu2'") : log
assert log.contains("    x' = -mu2 * x;")
assert log.contains('          ^~~')
assert !log.contains('at io.github.odec') : 'a DSL error printed a stack trace'
assert !new File(basedir, 'target/generated-sources/odec').exists() : 'nothing is generated from a bad file'
return true
