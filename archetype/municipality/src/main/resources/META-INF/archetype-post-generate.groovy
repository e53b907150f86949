// Runs after the files are generated: checks the chosen combination and removes what was not
// chosen. Never uses the network.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

def p = request.properties
def project = Paths.get(request.outputDirectory, request.artifactId)
def yes = { String key -> p.get(key) == 'y' }

def fail = { String message ->
    throw new IllegalArgumentException("Bürgerbüro archetype: " + message)
}
if (!(p.get('ags') ==~ /[0-9]{8}/)) fail("ags must be the 8-digit Amtlicher Gemeindeschlüssel, got '${p.get('ags')}'")
if (!['filesystem', 'xdomea', 'cmis'].contains(p.get('dms'))) fail("dms must be filesystem, xdomea or cmis")
if (!['none', 'formsolutions', 'fitconnect'].contains(p.get('formServer'))) fail("formServer must be none, formsolutions or fitconnect")
if (p.get('formServer') != 'none' && !yes('applications')) fail("formServer=${p.get('formServer')} needs the service portal (applications=y)")
if (!['none', 'email'].contains(p.get('notices'))) fail("notices must be none or email")
if (p.get('notices') != 'none' && !yes('applications')) fail("notices=${p.get('notices')} needs the service portal (applications=y)")
if (!['none', 'zbp', 'hybridmail', 'zbp,hybridmail'].contains(p.get('delivery'))) fail("delivery must be none, zbp, hybridmail or zbp,hybridmail")
if (p.get('delivery') != 'none' && !yes('applications')) fail("delivery=${p.get('delivery')} needs the service portal (applications=y)")
if (!['dev', 'saml', 'oidc'].contains(p.get('login'))) fail("login must be dev, saml or oidc")
if (!['derby', 'postgresql'].contains(p.get('database'))) fail("database must be derby or postgresql")
if (!yes('applications') && !yes('appointments') && !yes('indoor')) fail("choose at least one sub-project")
if (yes('appointments') && !yes('indoor')) {
    println "Note: appointments without indoor navigation: confirmations carry no room link (choose indoor=y for the way to the room)."
}
if (!yes('applications') && p.get('dms') != 'filesystem') {
    println "Note: without the service portal (applications=n) nothing is filed, so dms=${p.get('dms')} is not used."
}

def delete
delete = { Path path ->
    if (Files.isDirectory(path)) {
        Files.list(path).withCloseable { it.toList() }.each { delete(it) }
    }
    Files.deleteIfExists(path)
}
def javaDir = project.resolve('src/main/java').resolve(p.get('package').replace('.', '/'))
if (!yes('applications')) {
    delete(project.resolve('src/main/resources/catalogue'))
}
if (!yes('appointments')) delete(project.resolve('src/main/resources/appointments'))
if (!yes('indoor')) delete(project.resolve('src/main/resources/indoor'))
if (p.get('login') != 'dev') delete(project.resolve('src/main/liberty/config/dev-login.xml'))
if (p.get('database') != 'postgresql') delete(project.resolve('bin'))
[project.resolve('.ci/run'), project.resolve('bin/postgres')].each { f ->
    if (Files.exists(f)) f.toFile().setExecutable(true, false)
}
println "Bürgerbüro ${p.get('municipalityName')} generated in ${project}"
