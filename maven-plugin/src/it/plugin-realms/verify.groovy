def log = new File(basedir, 'build.log').text
// said once, by the second realm (module-b's), not by every module
assert log.count('mi-scan: this build runs the plugin in 2 class realms') == 1
assert log.contains('declare the plugin once, in the parent')
return true
