// The generated sources are where the plugin says, the test ran, and the second build skipped generation.
def generated = new File(basedir, 'target/generated-sources/odec/it/decay')
assert new File(generated, 'Decay.java').isFile()
assert new File(generated, 'Decay_tsit5_integral_f64_dense.java').isFile()
assert new File(basedir, 'target/odec/default.stamp').isFile()
assert !new File(basedir, 'target/generated-sources/odec.staging').exists()

def log = new File(basedir, 'build.log').text
assert log.contains('odec: generated')
assert log.contains('odec-it: worst relative error')
assert log.contains('generated sources are up to date') : 'the second build regenerated unchanged inputs'
return true
