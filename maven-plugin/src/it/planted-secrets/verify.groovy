// No 8-character piece of a planted key, in any reading of the text (as written, with \u, octal and \/ escapes
// decoded, URL-decoded, continuation lines joined), in Maven's log or in any report the plugin wrote.
def planted = new File(basedir, 'planted.txt').readLines().findAll { it && !it.startsWith('#') }
assert planted.size() >= 10

def unescape = { String s ->
    s.replaceAll(/\\u([0-9A-Fa-f]{4})/) { all, hex -> new String([Integer.parseInt(hex, 16)] as char[]) }
     .replaceAll(/\\([0-7]{3})/) { all, oct -> new String([Integer.parseInt(oct, 8)] as char[]) }
     .replace('\\/', '/')
}
def urlDecode = { String s ->
    s.replaceAll(/%([0-9A-Fa-f]{2})/) { all, hex -> new String([Integer.parseInt(hex, 16)] as char[]) }
}
def readings = { String s -> [s, unescape(s), urlDecode(s), s.replaceAll(/\\\r?\n\s*/, '')] }

def outputs = ['build.log': new File(basedir, 'build.log').text]
['mi-scan.sarif', 'mi-scan.json', 'mi-scan.txt'].each { name ->
    def f = new File(basedir, 'target/' + name)
    if (f.exists()) {
        outputs[name] = f.text
    }
}
assert outputs.size() == 4 : 'the log and three reports: ' + outputs.keySet()
assert outputs['build.log'].contains('MI-STORAGE-CONNSTR')

def leaks = []
outputs.each { name, text ->
    def views = readings(text)
    planted.eachWithIndex { secret, n ->
        for (int i = 0; i + 8 <= secret.length(); i++) {
            def piece = secret.substring(i, i + 8)
            if (views.any { it.contains(piece) }) {
                leaks << (name + ': planted key #' + (n + 1)) // never the piece itself
                break
            }
        }
    }
}
assert leaks.isEmpty() : 'pieces of planted keys in: ' + leaks
