// The failure says what to add, with the coordinates, and is no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('the generated code needs odec-runtime on the compile class path') : log
assert log.contains('<artifactId>odec-runtime</artifactId>')
assert !log.contains('at io.github.odec')
return true
