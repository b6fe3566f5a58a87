<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>BriefingDocument</name>
    <message>
        <source>this briefing is open read-only</source>
        <translation>cette note est ouverte en lecture seule</translation>
    </message>
</context>
<context>
    <name>BriefingView</name>
    <message>
        <source>⚠ source removed</source>
        <translation>⚠ source retirée</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Briefing note</source>
        <translation>Note d’information</translation>
    </message>
</context>
<context>
    <name>ClassificationBanner</name>
    <message>
        <source>&amp;Classification</source>
        <translation>&amp;Cote de sécurité</translation>
    </message>
</context>
<context>
    <name>EmptySlot</name>
    <message>
        <source>%1, empty section</source>
        <translation>%1, section vide</translation>
    </message>
    <message>
        <source>Enter adds a note here.</source>
        <translation>Entrée ajoute une note ici.</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Untitled briefing</source>
        <translation>Note d’information sans titre</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>Enregistrer les modifications apportées à %1 avant de fermer&#xa0;?</translation>
    </message>
    <message>
        <source>Still opening %1…</source>
        <translation>Ouverture toujours en cours&#xa0;: %1…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture&#xa0;: %1…</translation>
    </message>
    <message>
        <source>Cannot open briefing</source>
        <translation>Impossible d’ouvrir la note d’information</translation>
    </message>
    <message>
        <source>Briefing in use</source>
        <translation>Note d’information en cours d’utilisation</translation>
    </message>
    <message>
        <source>Could not create the lock file: %1</source>
        <translation>Impossible de créer le fichier de verrouillage&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unsaved work autosaved for %1 is kept: File &gt; Recover Unsaved Work</source>
        <translation>Le travail non enregistré de %1 est conservé&#xa0;: Fichier &gt; Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <source>Excerpts to check in %1 — each no longer matches its source where it points:</source>
        <translation>Extraits à vérifier dans %1 — chacun ne correspond plus à sa source à l’endroit indiqué&#xa0;:</translation>
    </message>
    <message>
        <source>Excerpts to check</source>
        <translation>Extraits à vérifier</translation>
    </message>
    <message>
        <source>They are kept as they are. Check them (Show in Source) before exporting.</source>
        <translation>Ils sont conservés tels quels. Vérifiez-les (Afficher dans la source) avant d’exporter.</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>Save Briefing As</source>
        <translation>Enregistrer la note d’information sous</translation>
    </message>
    <message>
        <source>Save the changes to %1 before opening another briefing?</source>
        <translation>Enregistrer les modifications apportées à %1 avant d’ouvrir une autre note d’information&#xa0;?</translation>
    </message>
    <message>
        <source>Save the changes to %1 before starting a new briefing?</source>
        <translation>Enregistrer les modifications apportées à %1 avant de commencer une nouvelle note d’information&#xa0;?</translation>
    </message>
    <message>
        <source>Save the changes to %1 before recovering unsaved work?</source>
        <translation>Enregistrer les modifications apportées à %1 avant de récupérer le travail non enregistré&#xa0;?</translation>
    </message>
    <message>
        <source>A backup of it from %1 is beside it: %2.

Open the backup? It opens as an unsaved copy, to save under a new name (Save As); the backup itself is never changed.</source>
        <translation>Une sauvegarde du %1 se trouve à côté&#xa0;: %2.

Ouvrir la sauvegarde&#xa0;? Elle s’ouvre comme une copie non enregistrée, à enregistrer sous un autre nom (Enregistrer sous)&#xa0;; la sauvegarde elle-même n’est jamais modifiée.</translation>
    </message>
    <message>
        <source>Open &amp;Backup</source>
        <translation>Ouvrir la &amp;sauvegarde</translation>
    </message>
    <message>
        <source>Backup of %1</source>
        <translation>Sauvegarde de %1</translation>
    </message>
    <message>
        <source>Opened the backup of %1 — save it under a new name to keep it</source>
        <translation>Sauvegarde de %1 ouverte — enregistrez-la sous un autre nom pour la conserver</translation>
    </message>
    <message>
        <source>%1 on %2 since %3</source>
        <translation>%1 sur %2 depuis le %3</translation>
    </message>
    <message>
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
        <source>Briefing files (*%1)</source>
        <translation>Fichiers Briefing (*%1)</translation>
    </message>
    <message>
        <source>%1 is open in Briefing by %2, so it was not saved. Save under another name.</source>
        <translation>%1 est ouverte dans Briefing par %2&#xa0;: elle n’a donc pas été enregistrée. Enregistrez-la sous un autre nom.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Impossible d’enregistrer</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>%1 (recovered)</source>
        <translation>%1 (récupérée)</translation>
    </message>
    <message>
        <source>Cannot save briefing</source>
        <translation>Impossible d’enregistrer la note d’information</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistrée</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Échec de l’enregistrement automatique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Briefing did not close properly while %1 was open. Its unsaved work was autosaved on %2.

Restore it? No keeps the copy for later (File &gt; Recover Unsaved Work); Discard deletes it.</source>
        <translation>Briefing ne s’est pas fermé correctement pendant que %1 était ouverte. Son travail non enregistré a été enregistré automatiquement le %2.

Le restaurer&#xa0;? Non conserve la copie pour plus tard (Fichier &gt; Récupérer le travail non enregistré)&#xa0;; «&#xa0;Ne pas tenir compte&#xa0;» la supprime.</translation>
    </message>
    <message>
        <source>Briefing did not close properly while a briefing never saved was open. Its work was autosaved on %2.

Restore it? No keeps the copy for later (File &gt; Recover Unsaved Work); Discard deletes it.</source>
        <translation>Briefing ne s’est pas fermé correctement pendant qu’une note jamais enregistrée était ouverte. Son travail a été enregistré automatiquement le %2.

Le restaurer&#xa0;? Non conserve la copie pour plus tard (Fichier &gt; Récupérer le travail non enregistré)&#xa0;; «&#xa0;Ne pas tenir compte&#xa0;» la supprime.</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Récupérer le travail non enregistré&#xa0;?</translation>
    </message>
    <message>
        <source>%1 is no longer where it was. The recovered work opens as a separate unsaved briefing.</source>
        <translation>%1 n’est plus à son emplacement. Le travail récupéré s’ouvre dans une note distincte, non enregistrée.</translation>
    </message>
    <message>
        <source>%1 has been saved again since (%3), so it holds work this copy does not. The recovered work opens as a separate unsaved briefing (keep it with Save As); the newer file is not touched.</source>
        <translation>%1 a été enregistrée de nouveau depuis (%3)&#xa0;: elle contient du travail que cette copie n’a pas. Le travail récupéré s’ouvre dans une note distincte, non enregistrée (conservez-la avec Enregistrer sous)&#xa0;; le fichier plus récent n’est pas modifié.</translation>
    </message>
    <message>
        <source>The work autosaved for %1 cannot be read (%2). The copy is kept: %3</source>
        <translation>Le travail enregistré automatiquement pour %1 est illisible (%2). La copie est conservée&#xa0;: %3</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>Récupération impossible</translation>
    </message>
    <message>
        <source>Recovered %1</source>
        <translation>%1 récupérée</translation>
    </message>
    <message>
        <source>work</source>
        <translation>travail</translation>
    </message>
    <message>
        <source>Recovered %1 — save it to keep it</source>
        <translation>%1 récupérée — enregistrez-la pour la conserver</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in source</source>
        <translation>Rechercher dans la source</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>Texte à rechercher</translation>
    </message>
    <message>
        <source>&amp;All sources</source>
        <translation>&amp;Toutes les sources</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>Matches in all sources</source>
        <translation>Occurrences dans toutes les sources</translation>
    </message>
    <message>
        <source>Find in all sources</source>
        <translation>Rechercher dans toutes les sources</translation>
    </message>
    <message numerus="yes">
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
        <source>Excerpt: %1</source>
        <translation>Extrait&#xa0;: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Commentaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Analyst&apos;s note</source>
        <translation>Note de l’analyste</translation>
    </message>
    <message>
        <source>Empty note — press Enter to write</source>
        <translation>Note vide — appuyez sur Entrée pour écrire</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note&#xa0;: %1</translation>
    </message>
    <message>
        <source>⚠ Changed in the new version of its source. As filed: %1</source>
        <translation>⚠ Modifié dans la nouvelle version de sa source. Tel que classé&#xa0;: %1</translation>
    </message>
    <message>
        <source>As filed: %1</source>
        <translation>Tel que classé&#xa0;: %1</translation>
    </message>
    <message>
        <source>⚠ Not in the new version of its source: delete, or file the passage again</source>
        <translation>⚠ Absent de la nouvelle version de sa source&#xa0;: supprimez-le ou classez de nouveau le passage</translation>
    </message>
    <message>
        <source>Comment (internal)</source>
        <translation>Commentaire (interne)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Modifier le commentaire</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>File into %1</source>
        <translation>Classer dans %1</translation>
    </message>
    <message>
        <source>File the selected passage into %1</source>
        <translation>Classer le passage sélectionné dans %1</translation>
    </message>
    <message>
        <source>Move the selected item to %1</source>
        <translation>Déplacer l’élément sélectionné vers %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;File Passage Into</source>
        <translation>&amp;Classer le passage dans</translation>
    </message>
    <message>
        <source>Move &amp;To</source>
        <translation>Déplacer &amp;vers</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>Show Tool&amp;bars</source>
        <translation>Afficher les &amp;barres d’outils</translation>
    </message>
    <message>
        <source>&amp;Mark Exports as Draft</source>
        <translation>Marquer les exportations comme é&amp;bauches</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>File into section</source>
        <translation>Classer dans la section</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;New Briefing…</source>
        <translation>&amp;Nouvelle note d’information…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Recover &amp;Unsaved Work…</source>
        <translation>Ré&amp;cupérer le travail non enregistré…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Backups (*%1)</source>
        <translation>Sauvegardes (*%1)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Briefing</source>
        <translation>&amp;À propos de Briefing</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Préfére&amp;nces…</translation>
    </message>
    <message>
        <source>Export &amp;DOCX…</source>
        <translation>Exporter en &amp;DOCX…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Untitled briefing</source>
        <translation>Note d’information sans titre</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [lecture seule]</translation>
    </message>
    <message>
        <source>Open Briefing</source>
        <translation>Ouvrir une note d’information</translation>
    </message>
    <message>
        <source>Briefing files (*%1)</source>
        <translation>Fichiers Briefing (*%1)</translation>
    </message>
    <message>
        <source>No recent briefings</source>
        <translation>Aucune note d’information récente</translation>
    </message>
    <message>
        <source>briefing</source>
        <translation>note-information</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> et %1 de plus</translation>
    </message>
    <message>
        <source>1 excerpt no longer matches its source: %1. Delete it, or file the passage again.</source>
        <translation>1 extrait ne correspond plus à sa source&#xa0;: %1. Supprimez-le ou classez de nouveau le passage.</translation>
    </message>
    <message>
        <source>%1 excerpts no longer match their sources: %2. Delete them, or file the passages again.</source>
        <translation>%1 extraits ne correspondent plus à leur source&#xa0;: %2. Supprimez-les ou classez de nouveau les passages.</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Edit the selected note, or the excerpt&apos;s comment</source>
        <translation>Modifier la note sélectionnée, ou le commentaire de l’extrait</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Haut, Bas</translation>
    </message>
    <message>
        <source>Previous or next item in the note</source>
        <translation>Élément précédent ou suivant de la note d’information</translation>
    </message>
    <message>
        <source>Bold (while editing a note)</source>
        <translation>Gras (pendant la modification d’une note)</translation>
    </message>
    <message>
        <source>Italic (while editing a note)</source>
        <translation>Italique (pendant la modification d’une note)</translation>
    </message>
    <message>
        <source>Keep what is typed and stop editing</source>
        <translation>Garder le texte saisi et terminer la modification</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>About Briefing</source>
        <translation>À propos de Briefing</translation>
    </message>
    <message>
        <source>&lt;b&gt;Briefing %1&lt;/b&gt;&lt;br&gt;Structured briefing notes built from sources.</source>
        <translation>&lt;b&gt;Briefing %1&lt;/b&gt;&lt;br&gt;Notes d’information structurées, rédigées à partir de sources.</translation>
    </message>
    <message>
        <source>Sources (%1);;All files (*)</source>
        <translation>Sources (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Password:</source>
        <translation>%1 est protégé par un mot de passe. Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>That password did not open %1. Try again:</source>
        <translation>Ce mot de passe n’a pas ouvert %1. Réessayez&#xa0;:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation&#xa0;: %1…</translation>
    </message>
    <message>
        <source>&amp;Update from File…</source>
        <translation>&amp;Mettre à jour à partir d’un fichier…</translation>
    </message>
    <message>
        <source>&amp;Accept Changed Text</source>
        <translation>Acce&amp;pter le texte modifié</translation>
    </message>
    <message>
        <source>Update %1 from File</source>
        <translation>Mettre à jour %1 à partir d’un fichier</translation>
    </message>
    <message>
        <source>The source to update is no longer in the briefing.</source>
        <translation>La source à mettre à jour ne fait plus partie de la note.</translation>
    </message>
    <message>
        <source>Updated %1: %2</source>
        <translation>%1 mise à jour&#xa0;: %2</translation>
    </message>
    <message>
        <source>Updated %1 from %2.</source>
        <translation>%1 mise à jour depuis %2.</translation>
    </message>
    <message>
        <source>Changed and lost excerpts are marked in the note. Accept the new text of a changed one (right-click it), or delete it; a lost one is no longer in the source: delete it, or file the passage again. Undo puts the old version back.</source>
        <translation>Les extraits modifiés et perdus sont signalés dans la note. Acceptez le nouveau texte d’un extrait modifié (clic droit) ou supprimez-le&#xa0;; un extrait perdu ne figure plus dans la source&#xa0;: supprimez-le ou classez de nouveau le passage. Annuler rétablit l’ancienne version.</translation>
    </message>
    <message>
        <source>Source updated</source>
        <translation>Source mise à jour</translation>
    </message>
    <message>
        <source>Cannot update source</source>
        <translation>Impossible de mettre à jour la source</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Add source %1</source>
        <translation>Ajouter la source %1</translation>
    </message>
    <message>
        <source>Remove source %1</source>
        <translation>Retirer la source %1</translation>
    </message>
    <message>
        <source>Rename source %1</source>
        <translation>Renommer la source %1</translation>
    </message>
    <message>
        <source>Edit source %1</source>
        <translation>Modifier la source %1</translation>
    </message>
    <message>
        <source>Update source %1</source>
        <translation>Mettre à jour la source %1</translation>
    </message>
    <message>
        <source>Accept changed text</source>
        <translation>Accepter le texte modifié</translation>
    </message>
    <message>
        <source>File excerpt into %1</source>
        <translation>Classer l’extrait dans %1</translation>
    </message>
    <message>
        <source>Add note into %1</source>
        <translation>Ajouter une note dans %1</translation>
    </message>
    <message>
        <source>Delete excerpt from %1</source>
        <translation>Supprimer l’extrait de %1</translation>
    </message>
    <message>
        <source>Delete note from %1</source>
        <translation>Supprimer la note de %1</translation>
    </message>
    <message>
        <source>Move item to %1</source>
        <translation>Déplacer l’élément vers %1</translation>
    </message>
    <message>
        <source>Reorder %1</source>
        <translation>Réordonner %1</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Modifier le commentaire</translation>
    </message>
    <message>
        <source>Trim excerpt</source>
        <translation>Réduire l’extrait</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Modifier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>H&apos;&#xa0;h&#xa0;&apos;mm</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1 (autosaved on %2)</source>
        <translation>%1 (enregistrée automatiquement le %2)</translation>
    </message>
</context>
<context>
    <name>NewBriefingDialog</name>
    <message>
        <source>New Briefing</source>
        <translation>Nouvelle note d’information</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>&amp;Language of the note</source>
        <translation>&amp;Langue de la note</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>Sections&#xa0;:</translation>
    </message>
</context>
<context>
    <name>NoteController</name>
    <message>
        <source>Add &amp;Note</source>
        <translation>Ajouter une &amp;note</translation>
    </message>
    <message>
        <source>&amp;Edit Text or Comment</source>
        <translation>&amp;Modifier le texte ou le commentaire</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Réta&amp;blir</translation>
    </message>
    <message>
        <source>T&amp;rim Excerpt to Selection</source>
        <translation>Ré&amp;duire l’extrait à la sélection</translation>
    </message>
    <message>
        <source>&amp;Show in Source</source>
        <translation>&amp;Afficher dans la source</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Mon&amp;ter</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Desc&amp;endre</translation>
    </message>
    <message>
        <source>&amp;Delete Item</source>
        <translation>&amp;Supprimer l’élément</translation>
    </message>
    <message>
        <source>Go to &amp;Note</source>
        <translation>Aller à la &amp;note</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>Réta&amp;blir&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select a passage in the source first.</source>
        <translation>Sélectionnez d’abord un passage dans la source.</translation>
    </message>
    <message>
        <source>Select the new passage in the excerpt&apos;s own source.</source>
        <translation>Sélectionnez le nouveau passage dans la source de l’extrait.</translation>
    </message>
    <message>
        <source>Move &amp;To</source>
        <translation>Déplacer &amp;vers</translation>
    </message>
</context>
<context>
    <name>PageCountWatcher</name>
    <message>
        <source>Pages of the PDF export, counted from its layout</source>
        <translation>Pages de l’exportation PDF, comptées d’après sa mise en page</translation>
    </message>
    <message>
        <source>? pages</source>
        <translation>? pages</translation>
    </message>
    <message>
        <source>The pages cannot be counted: %1</source>
        <translation>Impossible de compter les pages&#xa0;: %1</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 pages</source>
        <translation>
            <numerusform>%n page sur %1</numerusform>
            <numerusform>%n pages sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 starts on page %2</source>
        <translation>%1 commence à la page %2</translation>
    </message>
    <message>
        <source>%1 runs onto page %2</source>
        <translation>%1 déborde sur la page %2</translation>
    </message>
    <message>
        <source> (over budget: %1)</source>
        <translation> (dépassement&#xa0;: %1)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <source>The new language applies the next time Briefing starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Briefing.</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Langue de l’interface&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Regarder dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Briefing did not close properly while this work was unsaved. Each copy is kept until you open and save it, or discard it.</source>
        <translation>Briefing ne s’est pas fermé correctement alors que ce travail n’était pas enregistré. Chaque copie est conservée jusqu’à ce que vous l’ouvriez et l’enregistriez, ou que vous la supprimiez.</translation>
    </message>
    <message>
        <source>No unsaved work is kept.</source>
        <translation>Aucun travail non enregistré n’est conservé.</translation>
    </message>
    <message>
        <source>%1 — autosaved on %2</source>
        <translation>%1 — enregistrée automatiquement le %2</translation>
    </message>
    <message>
        <source>A briefing that was never saved</source>
        <translation>Une note qui n’a jamais été enregistrée</translation>
    </message>
    <message>
        <source>Based on %1</source>
        <translation>D’après %1</translation>
    </message>
    <message>
        <source>The file has changed since (%1): opens as a separate briefing</source>
        <translation>Le fichier a changé depuis (%1)&#xa0;: s’ouvre dans une note distincte</translation>
    </message>
    <message>
        <source>no longer there</source>
        <translation>n’existe plus</translation>
    </message>
    <message>
        <source>Discard recovered work?</source>
        <translation>Supprimer le travail récupéré&#xa0;?</translation>
    </message>
    <message>
        <source>Delete the copy of %1 for good? Its unsaved work cannot be recovered afterwards.</source>
        <translation>Supprimer définitivement la copie de %1&#xa0;? Son travail non enregistré ne pourra plus être récupéré.</translation>
    </message>
    <message>
        <source>Cannot discard</source>
        <translation>Suppression impossible</translation>
    </message>
</context>
<context>
    <name>SectionWidget</name>
    <message>
        <source>Ctrl+%1 files the selected passage here</source>
        <translation>Ctrl+%1 classe ici le passage sélectionné</translation>
    </message>
    <message>
        <source>Select text in the source and press Ctrl+%1, or drag it here.</source>
        <translation>Sélectionnez du texte dans la source et appuyez sur Ctrl+%1, ou faites-le glisser ici.</translation>
    </message>
    <message>
        <source>%1, empty section</source>
        <translation>%1, section vide</translation>
    </message>
    <message>
        <source>%1 / %2 words</source>
        <translation>%1 / %2 mots</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 mot</translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n mot</numerusform>
            <numerusform>%n mots</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceController</name>
    <message>
        <source>&amp;Find in Source…</source>
        <translation>&amp;Rechercher dans la source…</translation>
    </message>
    <message>
        <source>Find in &amp;All Sources…</source>
        <translation>Rechercher dans &amp;toutes les sources…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Occurrence &amp;suivante</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Occurrence pré&amp;cédente</translation>
    </message>
    <message>
        <source>&amp;Add Source…</source>
        <translation>&amp;Ajouter une source…</translation>
    </message>
    <message>
        <source>&amp;Paste as New Source</source>
        <translation>&amp;Coller comme nouvelle source</translation>
    </message>
    <message>
        <source>&amp;Cancel Import</source>
        <translation>Annu&amp;ler l’importation</translation>
    </message>
    <message>
        <source>&amp;Remove Source</source>
        <translation>&amp;Retirer la source</translation>
    </message>
    <message>
        <source>Re&amp;name Source…</source>
        <translation>Re&amp;nommer la source…</translation>
    </message>
    <message>
        <source>Source &amp;Details…</source>
        <translation>&amp;Détails de la source…</translation>
    </message>
    <message>
        <source>Go to Source &amp;Text</source>
        <translation>Aller au &amp;texte de la source</translation>
    </message>
    <message>
        <source>Go to Source &amp;List</source>
        <translation>Aller à la &amp;liste des sources</translation>
    </message>
    <message>
        <source>Add Sources</source>
        <translation>Ajouter des sources</translation>
    </message>
    <message>
        <source>Sources (%1);;All files (*)</source>
        <translation>Sources (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This briefing is open read-only.</source>
        <translation>Cette note est ouverte en lecture seule.</translation>
    </message>
    <message>
        <source>Paste as New Source</source>
        <translation>Coller comme nouvelle source</translation>
    </message>
    <message>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient aucun texte.</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 ajoutée</translation>
    </message>
    <message>
        <source>Pictures not added: %1. Save them and add them as sources to read them by OCR.</source>
        <translation>Images non ajoutées&#xa0;: %1. Enregistrez-les, puis ajoutez-les comme sources pour les lire par ROC.</translation>
    </message>
    <message>
        <source>%1 has attachments: %2. Add them as sources too?</source>
        <translation>%1 a des pièces jointes&#xa0;: %2. Les ajouter aussi comme sources&#xa0;?</translation>
    </message>
    <message>
        <source>These cannot be imported: %1</source>
        <translation>Impossible d’importer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Add Attachments</source>
        <translation>Ajouter les pièces jointes</translation>
    </message>
    <message>
        <source>Cannot add source</source>
        <translation>Impossible d’ajouter la source</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Password:</source>
        <translation>%1 est protégé par un mot de passe. Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>That password did not open %1. Try again:</source>
        <translation>Ce mot de passe n’a pas ouvert %1. Réessayez&#xa0;:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Importation annulée</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Retirer la source</translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 and the %n excerpt(s) filed from it? You can undo this.</source>
        <translation>
            <numerusform>Retirer %1 et l’extrait qui en a été classé&#xa0;? Vous pourrez annuler.</numerusform>
            <numerusform>Retirer %1 et les %n extraits qui en ont été classés&#xa0;? Vous pourrez annuler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Source</source>
        <translation>Renommer la source</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
</context>
<context>
    <name>SourceDetailsDialog</name>
    <message>
        <source>Source Details</source>
        <translation>Détails de la source</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>&amp;Auteur</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Éditeur</translation>
    </message>
    <message>
        <source>&amp;Date published</source>
        <translation>&amp;Date de publication</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>File: %1 · format: %2</source>
        <translation>Fichier&#xa0;: %1 · format&#xa0;: %2</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>texte brut</translation>
    </message>
    <message>
        <source>web page (HTML)</source>
        <translation>page Web (HTML)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Word document (DOCX)</source>
        <translation>document Word (DOCX)</translation>
    </message>
    <message>
        <source>Word 97–2003 document (DOC)</source>
        <translation>document Word 97–2003 (DOC)</translation>
    </message>
    <message>
        <source>OpenDocument text (ODT)</source>
        <translation>texte OpenDocument (ODT)</translation>
    </message>
    <message>
        <source>Rich Text Format (RTF)</source>
        <translation>texte enrichi (RTF)</translation>
    </message>
    <message>
        <source>e-mail (EML)</source>
        <translation>courriel (EML)</translation>
    </message>
    <message>
        <source>Outlook e-mail (MSG)</source>
        <translation>courriel Outlook (MSG)</translation>
    </message>
    <message>
        <source>picture read by OCR</source>
        <translation>image lue par ROC</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>texte collé</translation>
    </message>
    <message>
        <source>A source needs a title: the note&apos;s citations name it.</source>
        <translation>Une source doit avoir un titre&#xa0;: les citations de la note la nomment.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY), as citations show it.</source>
        <translation>Écrivez la date sous la forme AAAA-MM-JJ (ou AAAA-MM, ou AAAA), comme les citations la présentent.</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Source details</source>
        <translation>Détails de la source</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>Importée le %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No sources yet.&lt;/b&gt;&lt;br&gt;Add articles, reports or e-mails with &lt;i&gt;Source › Add Source…&lt;/i&gt;, drop files here, or paste with Ctrl+Shift+V.</source>
        <translation>&lt;b&gt;Aucune source pour l’instant.&lt;/b&gt;&lt;br&gt;Ajoutez des articles, des rapports ou des courriels avec &lt;i&gt;Source › Ajouter une source…&lt;/i&gt;, déposez des fichiers ici ou collez avec Ctrl+Maj+V.</translation>
    </message>
</context>
<context>
    <name>SourceUpdater</name>
    <message numerus="yes">
        <source>%n kept</source>
        <translation>
            <numerusform>%n conservé</numerusform>
            <numerusform>%n conservés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n déplacé</numerusform>
            <numerusform>%n déplacés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n modifié</numerusform>
            <numerusform>%n modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
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
        <source>Source text</source>
        <translation>Texte de la source</translation>
    </message>
    <message>
        <source>Filed in %1</source>
        <translation>Classé dans %1</translation>
    </message>
    <message>
        <source> (%1 excerpts overlap)</source>
        <translation> (%1 extraits se chevauchent)</translation>
    </message>
</context>
<context>
    <name>SpellHighlighter</name>
    <message>
        <source>(No suggestions)</source>
        <translation>(Aucune suggestion)</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>Ajouter au dictionnaire</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Import in progress</source>
        <translation>Importation en cours</translation>
    </message>
    <message>
        <source>Read-only: open by %1</source>
        <translation>Lecture seule&#xa0;: ouverte par %1</translation>
    </message>
    <message>
        <source>Importing %1 — page %2 of %3</source>
        <translation>Importation&#xa0;: %1 — page %2 de %3</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation&#xa0;: %1…</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (et %n autre)</numerusform>
            <numerusform> (et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation>Exportation en cours</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportation&#xa0;: %1…</translation>
    </message>
</context>
<context>
    <name>TitleBlockWidget</name>
    <message>
        <source>Title block</source>
        <translation>Bloc-titre</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>A date written YYYY-MM-DD, like %1: each export prints it in the note’s language</source>
        <translation>Une date écrite AAAA-MM-JJ, comme %1&#xa0;: chaque exportation l’imprime dans la langue de la note</translation>
    </message>
    <message>
        <source>Title of the note</source>
        <translation>Titre de la note</translation>
    </message>
    <message>
        <source>The language of the exported note: its headings, labels, markings and page numbers</source>
        <translation>La langue de la note exportée&#xa0;: ses intertitres, libellés, marques de sécurité et numéros de page</translation>
    </message>
    <message>
        <source>“%1” is not a date written YYYY-MM-DD, like %2: the date is unchanged.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une date écrite AAAA-MM-JJ, comme %2&#xa0;: la date reste inchangée.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Bilingual (English and French)</source>
        <translation>Bilingue (anglais et français)</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Cote de sécurité</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>But</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Title (French)</source>
        <translation>Titre (français)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Préparé par</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approuvé par</translation>
    </message>
    <message>
        <source>Consulted</source>
        <translation>Consultés</translation>
    </message>
    <message>
        <source>Language of the note</source>
        <translation>Langue de la note</translation>
    </message>
    <message>
        <source>For decision</source>
        <translation>Pour décision</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>Pour information</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
</context>
<context>
    <name>WordCount</name>
    <message>
        <source>1 word</source>
        <translation>1 mot</translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n mot</numerusform>
            <numerusform>%n mots</numerusform>
        </translation>
    </message>
</context>
</TS>
