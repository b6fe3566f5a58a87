<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>BriefingDocument</name>
    <message>
        <location filename="../../briefing/gui/document.py" line="97"/>
        <source>this briefing is open read-only</source>
        <translation>cette note est ouverte en lecture seule</translation>
    </message>
</context>
<context>
    <name>BriefingView</name>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="47"/>
        <source>⚠ source removed</source>
        <translation>⚠ source retirée</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="55"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="307"/>
        <source>Briefing note</source>
        <translation>Note d’information</translation>
    </message>
</context>
<context>
    <name>ClassificationBanner</name>
    <message>
        <location filename="../../briefing/gui/title_block.py" line="46"/>
        <source>&amp;Classification</source>
        <translation>&amp;Cote de sécurité</translation>
    </message>
</context>
<context>
    <name>EmptySlot</name>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="75"/>
        <source>%1, empty section</source>
        <translation>%1, section vide</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="76"/>
        <source>Enter adds a note here.</source>
        <translation>Entrée ajoute une note ici.</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../briefing/gui/files.py" line="177"/>
        <source>Untitled briefing</source>
        <translation>Note d’information sans titre</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="186"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="179"/>
        <source>Save the changes to %1 before closing?</source>
        <translation>Enregistrer les modifications apportées à %1 avant de fermer&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="216"/>
        <source>Still opening %1…</source>
        <translation>Ouverture toujours en cours&#xa0;: %1…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="226"/>
        <source>Opening %1…</source>
        <translation>Ouverture&#xa0;: %1…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="257"/>
        <source>Cannot open briefing</source>
        <translation>Impossible d’ouvrir la note d’information</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="316"/>
        <source>Briefing in use</source>
        <translation>Note d’information en cours d’utilisation</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="282"/>
        <source>Could not create the lock file: %1</source>
        <translation>Impossible de créer le fichier de verrouillage&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="296"/>
        <source>Unsaved work autosaved for %1 is kept: File &gt; Recover Unsaved Work</source>
        <translation>Le travail non enregistré de %1 est conservé&#xa0;: Fichier &gt; Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="330"/>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="331"/>
        <source>Excerpts to check in %1 — each no longer matches its source where it points:</source>
        <translation>Extraits à vérifier dans %1 — chacun ne correspond plus à sa source à l’endroit indiqué&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="334"/>
        <source>Excerpts to check</source>
        <translation>Extraits à vérifier</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="339"/>
        <source>They are kept as they are. Check them (Show in Source) before exporting.</source>
        <translation>Ils sont conservés tels quels. Vérifiez-les (Afficher dans la source) avant d’exporter.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="403"/>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="356"/>
        <source>Save Briefing As</source>
        <translation>Enregistrer la note d’information sous</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="180"/>
        <source>Save the changes to %1 before opening another briefing?</source>
        <translation>Enregistrer les modifications apportées à %1 avant d’ouvrir une autre note d’information&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="181"/>
        <source>Save the changes to %1 before starting a new briefing?</source>
        <translation>Enregistrer les modifications apportées à %1 avant de commencer une nouvelle note d’information&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="182"/>
        <source>Save the changes to %1 before recovering unsaved work?</source>
        <translation>Enregistrer les modifications apportées à %1 avant de récupérer le travail non enregistré&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="308"/>
        <source>%1 is open in Briefing by %2 on %3 since %4.

Open it read-only? You can still read and copy from it, and save a copy with Save As.

If you are sure nobody has it open (their Briefing closed without saying so), close this file, delete this lock file and open the briefing again:
%5</source>
        <translation>%1 est ouverte dans Briefing par %2 sur %3 depuis le %4.

L’ouvrir en lecture seule&#xa0;? Vous pourrez la lire, en copier des passages et en enregistrer une copie avec Enregistrer sous.

Si vous êtes certain que personne ne l’a ouverte (son Briefing s’est fermé sans le signaler), fermez ce fichier, supprimez ce fichier de verrouillage et ouvrez la note de nouveau&#xa0;:
%5</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="358"/>
        <source>Briefing files (*%1)</source>
        <translation>Fichiers Briefing (*%1)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="373"/>
        <source>%1 is open in Briefing by %2, so it was not saved. Save under another name.</source>
        <translation>%1 est ouverte dans Briefing par %2&#xa0;: elle n’a donc pas été enregistrée. Enregistrez-la sous un autre nom.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="374"/>
        <source>Cannot save</source>
        <translation>Impossible d’enregistrer</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="397"/>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="402"/>
        <source>%1 (recovered)</source>
        <translation>%1 (récupérée)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="411"/>
        <source>Cannot save briefing</source>
        <translation>Impossible d’enregistrer la note d’information</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="417"/>
        <source>Saved %1</source>
        <translation>%1 enregistrée</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="463"/>
        <source>Autosave failed: %1</source>
        <translation>Échec de l’enregistrement automatique&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="487"/>
        <source>Briefing did not close properly while %1 was open. Its unsaved work was autosaved at %2.

Restore it? No keeps the copy for later (File &gt; Recover Unsaved Work); Discard deletes it.</source>
        <translation>Briefing ne s’est pas fermé correctement pendant que %1 était ouverte. Son travail non enregistré a été enregistré automatiquement à %2.

Le restaurer&#xa0;? Non conserve la copie pour plus tard (Fichier &gt; Récupérer le travail non enregistré)&#xa0;; «&#xa0;Ne pas tenir compte&#xa0;» la supprime.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="492"/>
        <source>Briefing did not close properly while a briefing never saved was open. Its work was autosaved at %2.

Restore it? No keeps the copy for later (File &gt; Recover Unsaved Work); Discard deletes it.</source>
        <translation>Briefing ne s’est pas fermé correctement pendant qu’une note jamais enregistrée était ouverte. Son travail a été enregistré automatiquement à %2.

Le restaurer&#xa0;? Non conserve la copie pour plus tard (Fichier &gt; Récupérer le travail non enregistré)&#xa0;; «&#xa0;Ne pas tenir compte&#xa0;» la supprime.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="499"/>
        <source>Recover unsaved work?</source>
        <translation>Récupérer le travail non enregistré&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="512"/>
        <source>%1 is no longer where it was. The recovered work opens as a separate unsaved briefing.</source>
        <translation>%1 n’est plus à son emplacement. Le travail récupéré s’ouvre dans une note distincte, non enregistrée.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="515"/>
        <source>%1 has been saved again since (%3), so it holds work this copy does not. The recovered work opens as a separate unsaved briefing (keep it with Save As); the newer file is not touched.</source>
        <translation>%1 a été enregistrée de nouveau depuis (%3)&#xa0;: elle contient du travail que cette copie n’a pas. Le travail récupéré s’ouvre dans une note distincte, non enregistrée (conservez-la avec Enregistrer sous)&#xa0;; le fichier plus récent n’est pas modifié.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="531"/>
        <source>The work autosaved for %1 cannot be read (%2). The copy is kept: %3</source>
        <translation>Le travail enregistré automatiquement pour %1 est illisible (%2). La copie est conservée&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="533"/>
        <source>Cannot recover</source>
        <translation>Récupération impossible</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="558"/>
        <source>Recovered %1</source>
        <translation>%1 récupérée</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="558"/>
        <source>work</source>
        <translation>travail</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="567"/>
        <source>Recovered %1 — save it to keep it</source>
        <translation>%1 récupérée — enregistrez-la pour la conserver</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../briefing/gui/find.py" line="97"/>
        <location filename="../../briefing/gui/find.py" line="180"/>
        <source>Find in source</source>
        <translation>Rechercher dans la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="98"/>
        <source>Find text</source>
        <translation>Texte à rechercher</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="100"/>
        <source>&amp;All sources</source>
        <translation>&amp;Toutes les sources</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="106"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="108"/>
        <source>Previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="111"/>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="113"/>
        <source>Next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="116"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="118"/>
        <source>Close find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="121"/>
        <source>Matches in all sources</source>
        <translation>Occurrences dans toutes les sources</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/find.py" line="180"/>
        <source>Find in all sources</source>
        <translation>Rechercher dans toutes les sources</translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing/gui/find.py" line="188"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemWidget</name>
    <message>
        <location filename="../../briefing/gui/items.py" line="214"/>
        <source>Excerpt: %1</source>
        <translation>Extrait&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="215"/>
        <source>Comment: %1</source>
        <translation>Commentaire&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="223"/>
        <source>Analyst&apos;s note</source>
        <translation>Note de l’analyste</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="227"/>
        <source>Empty note — press Enter to write</source>
        <translation>Note vide — appuyez sur Entrée pour écrire</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="229"/>
        <source>Note: %1</source>
        <translation>Note&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="249"/>
        <source>⚠ Changed in the new version of its source. As filed: %1</source>
        <translation>⚠ Modifié dans la nouvelle version de sa source. Tel que classé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="250"/>
        <source>As filed: %1</source>
        <translation>Tel que classé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="252"/>
        <source>⚠ Not in the new version of its source: delete, or file the passage again</source>
        <translation>⚠ Absent de la nouvelle version de sa source&#xa0;: supprimez-le ou classez de nouveau le passage</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="297"/>
        <source>Comment (internal)</source>
        <translation>Commentaire (interne)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="297"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="298"/>
        <source>Edit comment</source>
        <translation>Modifier le commentaire</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/items.py" line="298"/>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../briefing/gui/actions.py" line="129"/>
        <source>File into %1</source>
        <translation>Classer dans %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="135"/>
        <source>File the selected passage into %1</source>
        <translation>Classer le passage sélectionné dans %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="147"/>
        <source>Move the selected item to %1</source>
        <translation>Déplacer l’élément sélectionné vers %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="182"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="187"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="190"/>
        <source>&amp;File Passage Into</source>
        <translation>&amp;Classer le passage dans</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="194"/>
        <source>Move &amp;To</source>
        <translation>Déplacer &amp;vers</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="201"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="220"/>
        <source>&amp;Source</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="235"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="238"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="55"/>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="101"/>
        <source>Show Tool&amp;bars</source>
        <translation>Afficher les &amp;barres d’outils</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="108"/>
        <source>&amp;Mark Exports as Draft</source>
        <translation>Marquer les exportations comme é&amp;bauches</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="111"/>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="112"/>
        <source>File into section</source>
        <translation>Classer dans la section</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="611"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="84"/>
        <source>&amp;New Briefing…</source>
        <translation>&amp;Nouvelle note d’information…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="85"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="90"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="91"/>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="92"/>
        <source>Recover &amp;Unsaved Work…</source>
        <translation>Ré&amp;cupérer le travail non enregistré…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="93"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="59"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="63"/>
        <source>&amp;About Briefing</source>
        <translation>&amp;À propos de Briefing</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/actions.py" line="66"/>
        <source>&amp;Preferences…</source>
        <translation>Préfére&amp;nces…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="106"/>
        <source>Export &amp;DOCX…</source>
        <translation>Exporter en &amp;DOCX…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="107"/>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="163"/>
        <source>Untitled briefing</source>
        <translation>Note d’information sans titre</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="164"/>
        <source> [read-only]</source>
        <translation> [lecture seule]</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="192"/>
        <source>Open Briefing</source>
        <translation>Ouvrir une note d’information</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/main_window.py" line="194"/>
        <source>Briefing files (*%1)</source>
        <translation>Fichiers Briefing (*%1)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/files.py" line="619"/>
        <source>No recent briefings</source>
        <translation>Aucune note d’information récente</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/exports.py" line="30"/>
        <source>briefing</source>
        <translation>note-information</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/exports.py" line="33"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/exports.py" line="49"/>
        <location filename="../../briefing/gui/main_window.py" line="221"/>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/exports.py" line="64"/>
        <source>%1 “%2”</source>
        <translation>%1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/exports.py" line="65"/>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <location filename="../../briefing/gui/exports.py" line="71"/>
        <source> and %1 more</source>
        <translation> et %1 autres</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/exports.py" line="73"/>
        <source>1 excerpt no longer matches its source: %1. Delete it, or file the passage again.</source>
        <translation>1 extrait ne correspond plus à sa source&#xa0;: %1. Supprimez-le ou classez de nouveau le passage.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/exports.py" line="77"/>
        <source>%1 excerpts no longer match their sources: %2. Delete them, or file the passages again.</source>
        <translation>%1 extraits ne correspondent plus à leur source&#xa0;: %2. Supprimez-les ou classez de nouveau les passages.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="218"/>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="219"/>
        <source>Edit the selected note, or the excerpt&apos;s comment</source>
        <translation>Modifier la note sélectionnée, ou le commentaire de l’extrait</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="222"/>
        <source>Up, Down</source>
        <translation>Haut, Bas</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="223"/>
        <source>Previous or next item in the note</source>
        <translation>Élément précédent ou suivant de la note d’information</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="227"/>
        <source>Bold (while editing a note)</source>
        <translation>Gras (pendant la modification d’une note)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="231"/>
        <source>Italic (while editing a note)</source>
        <translation>Italique (pendant la modification d’une note)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="235"/>
        <source>Keep what is typed and stop editing</source>
        <translation>Garder le texte saisi et terminer la modification</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="237"/>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="237"/>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="239"/>
        <source>Menu key</source>
        <translation>touche Menu</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="240"/>
        <source>Context menu of the selected card, source or text</source>
        <translation>Menu contextuel de la fiche, de la source ou du texte sélectionnés</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="253"/>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="258"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="258"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="301"/>
        <source>About Briefing</source>
        <translation>À propos de Briefing</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="302"/>
        <source>&lt;b&gt;Briefing %1&lt;/b&gt;&lt;br&gt;Structured briefing notes built from sources.</source>
        <translation>&lt;b&gt;Briefing %1&lt;/b&gt;&lt;br&gt;Notes d’information structurées, rédigées à partir de sources.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="101"/>
        <source>Sources (%1);;All files (*)</source>
        <translation>Sources (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="182"/>
        <source>%1 is protected by a password. Password:</source>
        <translation>%1 est protégé par un mot de passe. Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="184"/>
        <source>That password did not open %1. Try again:</source>
        <translation>Ce mot de passe n’a pas ouvert %1. Réessayez&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="187"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="112"/>
        <source>Importing %1…</source>
        <translation>Importation&#xa0;: %1…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="52"/>
        <source>&amp;Update from File…</source>
        <translation>&amp;Mettre à jour à partir d’un fichier…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="55"/>
        <source>&amp;Accept Changed Text</source>
        <translation>Acce&amp;pter le texte modifié</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="99"/>
        <source>Update %1 from File</source>
        <translation>Mettre à jour %1 à partir d’un fichier</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="120"/>
        <source>The source to update is no longer in the briefing.</source>
        <translation>La source à mettre à jour ne fait plus partie de la note.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="143"/>
        <source>Updated %1: %2</source>
        <translation>%1 mise à jour&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="148"/>
        <source>Updated %1 from %2.</source>
        <translation>%1 mise à jour depuis %2.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="155"/>
        <source>Changed and lost excerpts are marked in the note. Accept the new text of a changed one (right-click it), or delete it; a lost one is no longer in the source: delete it, or file the passage again. Undo puts the old version back.</source>
        <translation>Les extraits modifiés et perdus sont signalés dans la note. Acceptez le nouveau texte d’un extrait modifié (clic droit) ou supprimez-le&#xa0;; un extrait perdu ne figure plus dans la source&#xa0;: supprimez-le ou classez de nouveau le passage. Annuler rétablit l’ancienne version.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="164"/>
        <source>Source updated</source>
        <translation>Source mise à jour</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="174"/>
        <source>Cannot update source</source>
        <translation>Impossible de mettre à jour la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/update_source.py" line="175"/>
        <source>Nothing was changed.</source>
        <translation>Rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="82"/>
        <source>Add source %1</source>
        <translation>Ajouter la source %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="83"/>
        <source>Remove source %1</source>
        <translation>Retirer la source %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="84"/>
        <source>Rename source %1</source>
        <translation>Renommer la source %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="85"/>
        <source>Edit source %1</source>
        <translation>Modifier la source %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="86"/>
        <source>Update source %1</source>
        <translation>Mettre à jour la source %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="87"/>
        <source>Accept changed text</source>
        <translation>Accepter le texte modifié</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="88"/>
        <source>File excerpt into %1</source>
        <translation>Classer l’extrait dans %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="89"/>
        <source>Add note into %1</source>
        <translation>Ajouter une note dans %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="90"/>
        <source>Delete excerpt from %1</source>
        <translation>Supprimer l’extrait de %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="91"/>
        <source>Delete note from %1</source>
        <translation>Supprimer la note de %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="92"/>
        <source>Move item to %1</source>
        <translation>Déplacer l’élément vers %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="93"/>
        <source>Reorder %1</source>
        <translation>Réordonner %1</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="94"/>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="95"/>
        <source>Edit comment</source>
        <translation>Modifier le commentaire</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="96"/>
        <source>Trim excerpt</source>
        <translation>Réduire l’extrait</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="97"/>
        <source>Change %1</source>
        <translation>Modifier «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>NewBriefingDialog</name>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="40"/>
        <source>New Briefing</source>
        <translation>Nouvelle note d’information</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="43"/>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="50"/>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="66"/>
        <source>&amp;Template</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="86"/>
        <source>Sections:</source>
        <translation>Sections&#xa0;:</translation>
    </message>
</context>
<context>
    <name>NoteController</name>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="56"/>
        <source>Add &amp;Note</source>
        <translation>Ajouter une &amp;note</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="57"/>
        <source>&amp;Edit Text or Comment</source>
        <translation>&amp;Modifier le texte ou le commentaire</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="54"/>
        <location filename="../../briefing/gui/note_controller.py" line="117"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="55"/>
        <location filename="../../briefing/gui/note_controller.py" line="118"/>
        <source>&amp;Redo</source>
        <translation>Réta&amp;blir</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="58"/>
        <source>T&amp;rim Excerpt to Selection</source>
        <translation>Ré&amp;duire l’extrait à la sélection</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="59"/>
        <source>&amp;Show in Source</source>
        <translation>&amp;Afficher dans la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="60"/>
        <source>Move &amp;Up</source>
        <translation>Mon&amp;ter</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="61"/>
        <source>Move Do&amp;wn</source>
        <translation>Desc&amp;endre</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="62"/>
        <source>&amp;Delete Item</source>
        <translation>&amp;Supprimer l’élément</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="65"/>
        <source>Go to &amp;Note</source>
        <translation>Aller à la &amp;note</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="117"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="118"/>
        <source>&amp;Redo %1</source>
        <translation>Réta&amp;blir %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="146"/>
        <source>Select a passage in the source first.</source>
        <translation>Sélectionnez d’abord un passage dans la source.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="283"/>
        <source>Select the new passage in the excerpt&apos;s own source.</source>
        <translation>Sélectionnez le nouveau passage dans la source de l’extrait.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="314"/>
        <source>Item %1 of %2 in %3</source>
        <translation>Élément %1 sur %2 dans %3</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/note_controller.py" line="339"/>
        <source>Move &amp;To</source>
        <translation>Déplacer &amp;vers</translation>
    </message>
</context>
<context>
    <name>PageCountWatcher</name>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="98"/>
        <source>Pages of the PDF export, counted from its layout</source>
        <translation>Pages de l’exportation PDF, comptées d’après sa mise en page</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="113"/>
        <source>? pages</source>
        <translation>? pages</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="114"/>
        <source>The pages cannot be counted: %1</source>
        <translation>Impossible de compter les pages&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="125"/>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="125"/>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="126"/>
        <source>%1 of %2 pages</source>
        <translation>%1 pages sur %2</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="131"/>
        <source>%1 starts on page %2</source>
        <translation>%1 commence à la page %2</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="133"/>
        <source>%1 runs onto page %2</source>
        <translation>%1 déborde sur la page %2</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/page_count.py" line="140"/>
        <source> (over budget: %1)</source>
        <translation> (dépassement&#xa0;: %1)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../briefing/gui/preferences.py" line="14"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/preferences.py" line="17"/>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/preferences.py" line="18"/>
        <source>As the system</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/preferences.py" line="22"/>
        <source>The new language applies the next time Briefing starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Briefing.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/preferences.py" line="26"/>
        <source>&amp;Interface language:</source>
        <translation>&amp;Langue de l’interface&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="28"/>
        <source>Recover Unsaved Work</source>
        <translation>Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="40"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="41"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="62"/>
        <source>Briefing did not close properly while this work was unsaved. Each copy is kept until you open and save it, or discard it.</source>
        <translation>Briefing ne s’est pas fermé correctement alors que ce travail n’était pas enregistré. Chaque copie est conservée jusqu’à ce que vous l’ouvriez et l’enregistriez, ou que vous la supprimiez.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="68"/>
        <source>No unsaved work is kept.</source>
        <translation>Aucun travail non enregistré n’est conservé.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="72"/>
        <source>%1 — autosaved %2</source>
        <translation>%1 — enregistré automatiquement %2</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="74"/>
        <source>A briefing that was never saved</source>
        <translation>Une note qui n’a jamais été enregistrée</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="75"/>
        <source>Based on %1</source>
        <translation>D’après %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="77"/>
        <source>The file has changed since (%1): opens as a separate briefing</source>
        <translation>Le fichier a changé depuis (%1)&#xa0;: s’ouvre dans une note distincte</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="78"/>
        <source>no longer there</source>
        <translation>n’existe plus</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="105"/>
        <source>Discard recovered work?</source>
        <translation>Supprimer le travail récupéré&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="106"/>
        <source>Delete the copy of %1 for good? Its unsaved work cannot be recovered afterwards.</source>
        <translation>Supprimer définitivement la copie de %1&#xa0;? Son travail non enregistré ne pourra plus être récupéré.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/recovery_dialog.py" line="117"/>
        <source>Cannot discard</source>
        <translation>Suppression impossible</translation>
    </message>
</context>
<context>
    <name>SectionWidget</name>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="122"/>
        <source>Ctrl+%1 files the selected passage here</source>
        <translation>Ctrl+%1 classe ici le passage sélectionné</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="146"/>
        <source>Select text in the source and press Ctrl+%1, or drag it here.</source>
        <translation>Sélectionnez du texte dans la source et appuyez sur Ctrl+%1, ou faites-le glisser ici.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="193"/>
        <source>%1 / %2 words</source>
        <translation>%1 / %2 mots</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="193"/>
        <source>%1 / %2 words, %3 over</source>
        <translation>%1 / %2 mots, %3 de trop</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="197"/>
        <source>1 word</source>
        <translation>1 mot</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/briefing_view.py" line="197"/>
        <source>%1 words</source>
        <translation>%1 mots</translation>
    </message>
</context>
<context>
    <name>SourceController</name>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="53"/>
        <source>&amp;Find in Source…</source>
        <translation>&amp;Rechercher dans la source…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="56"/>
        <source>Find in &amp;All Sources…</source>
        <translation>Rechercher dans &amp;toutes les sources…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="61"/>
        <source>Find &amp;Next</source>
        <translation>Occurrence &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="65"/>
        <source>Find Pre&amp;vious</source>
        <translation>Occurrence pré&amp;cédente</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="69"/>
        <source>&amp;Add Source…</source>
        <translation>&amp;Ajouter une source…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="70"/>
        <source>&amp;Paste as New Source</source>
        <translation>&amp;Coller comme nouvelle source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="71"/>
        <source>&amp;Cancel Import</source>
        <translation>Annu&amp;ler l’importation</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="73"/>
        <source>&amp;Remove Source</source>
        <translation>&amp;Retirer la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="74"/>
        <source>Re&amp;name Source…</source>
        <translation>Re&amp;nommer la source…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="75"/>
        <source>Source &amp;Details…</source>
        <translation>&amp;Détails de la source…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="76"/>
        <source>Go to Source &amp;Text</source>
        <translation>Aller au &amp;texte de la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="77"/>
        <source>Go to Source &amp;List</source>
        <translation>Aller à la &amp;liste des sources</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="126"/>
        <source>Add Sources</source>
        <translation>Ajouter des sources</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="128"/>
        <source>Sources (%1);;All files (*)</source>
        <translation>Sources (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="136"/>
        <source>This briefing is open read-only.</source>
        <translation>Cette note est ouverte en lecture seule.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="151"/>
        <source>Paste as New Source</source>
        <translation>Coller comme nouvelle source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="151"/>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient aucun texte.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="161"/>
        <source>Added %1</source>
        <translation>%1 ajoutée</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="178"/>
        <source>Pictures not added: %1. Save them and add them as sources to read them by OCR.</source>
        <translation>Images non ajoutées&#xa0;: %1. Enregistrez-les, puis ajoutez-les comme sources pour les lire par ROC.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="190"/>
        <source>%1 has attachments: %2. Add them as sources too?</source>
        <translation>%1 a des pièces jointes&#xa0;: %2. Les ajouter aussi comme sources&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="181"/>
        <source>These cannot be imported: %1</source>
        <translation>Impossible d’importer&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="194"/>
        <source>Add Attachments</source>
        <translation>Ajouter les pièces jointes</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="210"/>
        <source>Cannot add source</source>
        <translation>Impossible d’ajouter la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="215"/>
        <source>%1 is protected by a password. Password:</source>
        <translation>%1 est protégé par un mot de passe. Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="217"/>
        <source>That password did not open %1. Try again:</source>
        <translation>Ce mot de passe n’a pas ouvert %1. Réessayez&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="218"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="225"/>
        <source>Import cancelled</source>
        <translation>Importation annulée</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="246"/>
        <source>Remove source</source>
        <translation>Retirer la source</translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing/gui/source_controller.py" line="247"/>
        <source>Remove %1 and the %n excerpt(s) filed from it? You can undo this.</source>
        <translation>
            <numerusform>Retirer %1 et l’extrait qui en a été classé&#xa0;? Vous pourrez annuler.</numerusform>
            <numerusform>Retirer %1 et les %n extraits qui en ont été classés&#xa0;? Vous pourrez annuler.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="262"/>
        <source>Rename Source</source>
        <translation>Renommer la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="262"/>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_controller.py" line="293"/>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
</context>
<context>
    <name>SourceDetailsDialog</name>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="100"/>
        <source>Source Details</source>
        <translation>Détails de la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="103"/>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="104"/>
        <source>&amp;Author</source>
        <translation>&amp;Auteur</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="105"/>
        <source>&amp;Publisher</source>
        <translation>&amp;Éditeur</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="106"/>
        <source>&amp;Date published</source>
        <translation>&amp;Date de publication</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="107"/>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="108"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="118"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="119"/>
        <source>en, fr, fr-CA…</source>
        <translation>fr, en, fr-CA…</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="121"/>
        <source>File: %1 · format: %2</source>
        <translation>Fichier&#xa0;: %1 · format&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="145"/>
        <source>plain text</source>
        <translation>texte brut</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="146"/>
        <source>web page (HTML)</source>
        <translation>page Web (HTML)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="147"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="148"/>
        <source>Word document (DOCX)</source>
        <translation>document Word (DOCX)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="149"/>
        <source>Word 97–2003 document (DOC)</source>
        <translation>document Word 97–2003 (DOC)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="150"/>
        <source>OpenDocument text (ODT)</source>
        <translation>texte OpenDocument (ODT)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="151"/>
        <source>Rich Text Format (RTF)</source>
        <translation>texte enrichi (RTF)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="152"/>
        <source>e-mail (EML)</source>
        <translation>courriel (EML)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="153"/>
        <source>Outlook e-mail (MSG)</source>
        <translation>courriel Outlook (MSG)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="154"/>
        <source>picture read by OCR</source>
        <translation>image lue par ROC</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="155"/>
        <source>pasted text</source>
        <translation>texte collé</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="164"/>
        <source>A source needs a title: the note&apos;s citations name it.</source>
        <translation>Une source doit avoir un titre&#xa0;: les citations de la note la nomment.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="166"/>
        <source>Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY), as citations show it.</source>
        <translation>Écrivez la date sous la forme AAAA-MM-JJ (ou AAAA-MM, ou AAAA), comme les citations la présentent.</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/dialogs.py" line="168"/>
        <source>Write the language as a code: en, fr, or with a region, fr-CA.</source>
        <translation>Écrivez la langue sous forme de code&#xa0;: fr, en ou, avec une région, fr-CA.</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <location filename="../../briefing/gui/source_pane.py" line="150"/>
        <location filename="../../briefing/gui/source_pane.py" line="159"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_pane.py" line="180"/>
        <source>Source details</source>
        <translation>Détails de la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_pane.py" line="351"/>
        <source>Imported %1</source>
        <translation>Importée le %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_pane.py" line="356"/>
        <source>&lt;b&gt;No sources yet.&lt;/b&gt;&lt;br&gt;Add articles, reports or e-mails with &lt;i&gt;Source › Add Source…&lt;/i&gt;, drop files here, or paste with Ctrl+Shift+V.</source>
        <translation>&lt;b&gt;Aucune source pour l’instant.&lt;/b&gt;&lt;br&gt;Ajoutez des articles, des rapports ou des courriels avec &lt;i&gt;Source › Ajouter une source…&lt;/i&gt;, déposez des fichiers ici ou collez avec Ctrl+Maj+V.</translation>
    </message>
</context>
<context>
    <name>SourceUpdater</name>
    <message numerus="yes">
        <location filename="../../briefing/gui/update_source.py" line="137"/>
        <source>%n kept</source>
        <translation>
            <numerusform>%n conservé</numerusform>
            <numerusform>%n conservés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing/gui/update_source.py" line="138"/>
        <source>%n moved</source>
        <translation>
            <numerusform>%n déplacé</numerusform>
            <numerusform>%n déplacés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing/gui/update_source.py" line="139"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n modifié</numerusform>
            <numerusform>%n modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing/gui/update_source.py" line="140"/>
        <source>%n lost</source>
        <translation>
            <numerusform>%n perdu</numerusform>
            <numerusform>%n perdus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../../briefing/gui/source_view.py" line="168"/>
        <source>Source text</source>
        <translation>Texte de la source</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_view.py" line="283"/>
        <source>Filed in %1</source>
        <translation>Classé dans %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/source_view.py" line="285"/>
        <source> (%1 excerpts overlap)</source>
        <translation> (%1 extraits se chevauchent)</translation>
    </message>
</context>
<context>
    <name>SpellHighlighter</name>
    <message>
        <location filename="../../briefing/gui/writing.py" line="140"/>
        <source>(No suggestions)</source>
        <translation>(Aucune suggestion)</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/writing.py" line="143"/>
        <location filename="../../briefing/gui/writing.py" line="174"/>
        <source>Add to Dictionary</source>
        <translation>Ajouter au dictionnaire</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="49"/>
        <source>Import in progress</source>
        <translation>Importation en cours</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="83"/>
        <source>Read-only: open by %1</source>
        <translation>Lecture seule&#xa0;: ouverte par %1</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="155"/>
        <source>Importing %1 — page %2 of %3</source>
        <translation>Importation&#xa0;: %1 — page %2 de %3</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="158"/>
        <source>Importing %1…</source>
        <translation>Importation&#xa0;: %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../briefing/gui/status_bar.py" line="160"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform> (et %n autre)</numerusform>
            <numerusform> (et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="180"/>
        <source>Export in progress</source>
        <translation>Exportation en cours</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="187"/>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="198"/>
        <source>Exporting %1…</source>
        <translation>Exportation&#xa0;: %1…</translation>
    </message>
</context>
<context>
    <name>TitleBlockWidget</name>
    <message>
        <location filename="../../briefing/gui/title_block.py" line="114"/>
        <source>Title block</source>
        <translation>Bloc-titre</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/title_block.py" line="143"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/title_block.py" line="153"/>
        <source>Title of the note</source>
        <translation>Titre de la note</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/title_block.py" line="170"/>
        <source>The language of the exported note: its headings, labels, markings and page numbers</source>
        <translation>La langue de la note exportée&#xa0;: ses intertitres, libellés, marques de sécurité et numéros de page</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/title_block.py" line="172"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/title_block.py" line="173"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/title_block.py" line="174"/>
        <source>Bilingual (English and French)</source>
        <translation>Bilingue (anglais et français)</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="22"/>
        <source>Classification</source>
        <translation>Cote de sécurité</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="23"/>
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="24"/>
        <source>Addressee</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="25"/>
        <source>Purpose</source>
        <translation>But</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="26"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="27"/>
        <source>Title (French)</source>
        <translation>Titre (français)</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="28"/>
        <location filename="../../briefing/core/labels.py" line="42"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="29"/>
        <source>Prepared by</source>
        <translation>Préparé par</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="30"/>
        <source>Telephone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="31"/>
        <source>Approved by</source>
        <translation>Approuvé par</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="32"/>
        <source>Consulted</source>
        <translation>Consultés</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="33"/>
        <source>Language of the note</source>
        <translation>Langue de la note</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="36"/>
        <source>For decision</source>
        <translation>Pour décision</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="37"/>
        <source>For information</source>
        <translation>Pour information</translation>
    </message>
    <message>
        <location filename="../../briefing/core/labels.py" line="41"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
</context>
<context>
    <name>WordCount</name>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="32"/>
        <source>1 word</source>
        <translation>1 mot</translation>
    </message>
    <message>
        <location filename="../../briefing/gui/status_bar.py" line="32"/>
        <source>%1 words</source>
        <translation>%1 mots</translation>
    </message>
</context>
</TS>
