<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>BriefingDocument</name>
    <message>
        <source>Read-only: this briefing is open elsewhere, so it cannot be changed here (Save As makes a copy you can edit)</source>
        <translation>Lecture seule&#xa0;: cette note est ouverte ailleurs, elle ne peut donc pas être modifiée ici (Enregistrer sous en fait une copie modifiable)</translation>
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
        <source>Open Briefing</source>
        <translation>Ouvrir une note d’information</translation>
    </message>
    <message>
        <source>Backups (*%1)</source>
        <translation>Sauvegardes (*%1)</translation>
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
        <source>Unsaved work is not being autosaved: the disk holding %1 is full — save your briefing (%2)</source>
        <translation>Le travail non enregistré n’est plus enregistré automatiquement&#xa0;: le disque de %1 est plein — enregistrez votre note (%2)</translation>
    </message>
    <message>
        <source>Unsaved work is not being autosaved: %1 cannot be written (%3) — save your briefing (%2)</source>
        <translation>Le travail non enregistré n’est plus enregistré automatiquement&#xa0;: impossible d’écrire dans %1 (%3) — enregistrez votre note (%2)</translation>
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
        <source>Which %1 it belongs to is not known (an older version kept only its name). The recovered work opens as a separate unsaved briefing (keep it with Save As); no file is touched.</source>
        <translation>On ne sait pas à quel fichier %1 il appartient (une version antérieure n’en a gardé que le nom). Le travail récupéré s’ouvre dans une note distincte, non enregistrée (conservez-la avec Enregistrer sous)&#xa0;; aucun fichier n’est modifié.</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
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
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
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
        <source>Widen &amp;Source Pane</source>
        <translation>Élargir le volet &amp;source</translation>
    </message>
    <message>
        <source>Widen N&amp;ote</source>
        <translation>Élargir la n&amp;ote</translation>
    </message>
    <message>
        <source>Divider between the source and the note</source>
        <translation>Séparateur entre la source et la note</translation>
    </message>
    <message>
        <source>View &gt; Widen Source Pane (Alt+Shift+Right) or Widen Note (Alt+Shift+Left) moves it</source>
        <translation>Affichage &gt; Élargir le volet source (Alt+Maj+Droite) ou Élargir la note (Alt+Maj+Gauche) le déplace</translation>
    </message>
    <message>
        <source>Divider between the source list and the text</source>
        <translation>Séparateur entre la liste des sources et le texte</translation>
    </message>
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
        <source>Export Mar&amp;kdown…</source>
        <translation>Exporter en &amp;Markdown…</translation>
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
        <source>Stop editing, keeping what is typed (Undo takes it back)</source>
        <translation>Terminer la modification en gardant le texte saisi (Annuler le retire)</translation>
    </message>
    <message>
        <source>Select to the end or start of the paragraph (in the source)</source>
        <translation>Sélectionner jusqu’à la fin ou au début du paragraphe (dans la source)</translation>
    </message>
    <message>
        <source>Select the sentence, then the paragraph (in the source)</source>
        <translation>Sélectionner la phrase, puis le paragraphe (dans la source)</translation>
    </message>
    <message>
        <source>Menu key</source>
        <translation>touche Menu</translation>
    </message>
    <message>
        <source>Context menu of the selected card, source or text</source>
        <translation>Menu contextuel de la fiche, de la source ou du texte sélectionnés</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
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
        <source>Changed and lost excerpts are marked in the note. Accept the new text of a changed one (select it, then Note &gt; %1, or the Menu key or a right-click on it), or delete it; a lost one is no longer in the source: delete it, or file the passage again. Undo puts the old version back.</source>
        <translation>Les extraits modifiés et perdus sont signalés dans la note. Acceptez le nouveau texte d’un extrait modifié (sélectionnez-le, puis Note &gt; %1, ou la touche Menu ou un clic droit sur l’extrait) ou supprimez-le&#xa0;; un extrait perdu ne figure plus dans la source&#xa0;: supprimez-le ou classez de nouveau le passage. Annuler rétablit l’ancienne version.</translation>
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
        <source>Reopen With &amp;Encoding…</source>
        <translation>Rouvrir avec un autre &amp;encodage…</translation>
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
        <source>Reopen With Encoding</source>
        <translation>Rouvrir avec un autre encodage</translation>
    </message>
    <message>
        <source>Read %1 again as (now %2):</source>
        <translation>Relire %1 dans l’encodage (actuellement %2)&#xa0;:</translation>
    </message>
    <message>
        <source>%1 is not an encoding Briefing knows.</source>
        <translation>%1 n’est pas un encodage connu de Briefing.</translation>
    </message>
    <message>
        <source>Reading %1 as %2…</source>
        <translation>Lecture de %1 en %2…</translation>
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
    <name>Messages</name>
    <message>
        <source>someone on another machine (since {opened})</source>
        <translation>quelqu’un sur un autre poste (depuis le {opened})</translation>
    </message>
    <message>
        <source>{user} on {host} (since {opened})</source>
        <translation>{user} sur {host} (depuis le {opened})</translation>
    </message>
    <message>
        <source>{name}: is being changed by another briefing command; try again</source>
        <translation>{name}&#xa0;: est en cours de modification par une autre commande briefing&#xa0;; réessayez</translation>
    </message>
    <message>
        <source>{name}: is open in Briefing by {owner}; ask them to close it, or open it read-only in the window. If you are sure nobody has it open, delete the lock file {lock_file} and try again</source>
        <translation>{name}&#xa0;: est ouverte dans Briefing par {owner}&#xa0;; demandez-lui de la fermer, ou ouvrez-la en lecture seule dans la fenêtre. Si vous êtes sûr que personne ne l’a ouverte, supprimez le fichier de verrouillage {lock_file} et réessayez</translation>
    </message>
    <message>
        <source>(no extension)</source>
        <translation>(sans extension)</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{name}: its template {template} is not installed here (installed: {installed}); copy its file ({file}) into {folder}, or use one installed</source>
        <translation>{name}&#xa0;: son modèle {template} n’est pas installé ici (modèles installés&#xa0;: {installed})&#xa0;; copiez son fichier ({file}) dans {folder}, ou utilisez un modèle installé</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>opération non permise</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>plus d’espace libre sur le disque</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>quota de disque dépassé</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>système de fichiers en lecture seule</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>nom de fichier trop long</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>c’est un dossier</translation>
    </message>
    <message>
        <source>there is no section {section_id}</source>
        <translation>il n’y a pas de section {section_id}</translation>
    </message>
    <message>
        <source>position {index} is outside 0..{length}</source>
        <translation>la position {index} est hors de 0..{length}</translation>
    </message>
    <message>
        <source>there is no item {item_id}</source>
        <translation>il n’y a pas d’élément {item_id}</translation>
    </message>
    <message>
        <source>source {id} is already in the briefing</source>
        <translation>la source {id} est déjà dans la note d’information</translation>
    </message>
    <message>
        <source>there is no source {source_id}</source>
        <translation>il n’y a pas de source {source_id}</translation>
    </message>
    <message>
        <source>cannot edit source field(s) {fields}; editable: {editable}</source>
        <translation>impossible de modifier le ou les champs de source {fields}&#xa0;; modifiables&#xa0;: {editable}</translation>
    </message>
    <message>
        <source>the new version of {label} holds no text</source>
        <translation>la nouvelle version de {label} ne contient aucun texte</translation>
    </message>
    <message>
        <source>only an excerpt changed by a source update has new text to accept</source>
        <translation>seul un extrait modifié par une mise à jour de sa source a un nouveau texte à accepter</translation>
    </message>
    <message>
        <source>the excerpt was not found in the new version of its source: delete it, or file the passage again</source>
        <translation>l’extrait est introuvable dans la nouvelle version de sa source&#xa0;: supprimez-le ou classez de nouveau le passage</translation>
    </message>
    <message>
        <source>the range {start}-{end} is not within the source&apos;s text (0-{length})</source>
        <translation>la plage {start}-{end} n’est pas dans le texte de la source (0-{length})</translation>
    </message>
    <message>
        <source>the selection holds no text, only spaces or line breaks</source>
        <translation>la sélection ne contient aucun texte, seulement des espaces ou des sauts de ligne</translation>
    </message>
    <message>
        <source>the excerpt cites source {source_id}, which is not in the briefing</source>
        <translation>l’extrait cite la source {source_id}, qui n’est pas dans la note d’information</translation>
    </message>
    <message>
        <source>the excerpt&apos;s quote does not match its source at its offsets</source>
        <translation>la citation de l’extrait ne correspond pas à sa source à ses positions</translation>
    </message>
    <message>
        <source>only an excerpt can be trimmed</source>
        <translation>seul un extrait peut être réduit</translation>
    </message>
    <message>
        <source>unknown title block field {name}</source>
        <translation>champ du bloc-titre inconnu&#xa0;: {name}</translation>
    </message>
    <message>
        <source>purpose must be one of {allowed}, not {given}</source>
        <translation>l’objet doit être l’un de {allowed}, pas {given}</translation>
    </message>
    <message>
        <source>language must be one of {allowed}, not {given}</source>
        <translation>la langue doit être l’une de {allowed}, pas {given}</translation>
    </message>
    <message>
        <source>date must be a real date written YYYY-MM-DD (like 2026-03-31), not {given}</source>
        <translation>la date doit être un jour réel écrit AAAA-MM-JJ (comme 2026-03-31), pas {given}</translation>
    </message>
    <message>
        <source>the source id {source_id} is not allowed (an id is made of the letters A-Z and a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;)</source>
        <translation>l’identifiant de source {source_id} n’est pas permis (un identifiant se compose des lettres A-Z et a-z, de chiffres, de &apos;.&apos;, &apos;_&apos; et &apos;-&apos;)</translation>
    </message>
    <message>
        <source>the source id {source_id} is used by two sources</source>
        <translation>l’identifiant de source {source_id} est utilisé par deux sources</translation>
    </message>
    <message>
        <source>has more than {limit} lists and mappings</source>
        <translation>a plus de {limit} listes et tables</translation>
    </message>
    <message>
        <source>is {size} MB of hand-written YAML; Briefing reads YAML up to {limit} MB (larger manifests only in the JSON style it writes)</source>
        <translation>fait {size} Mo de YAML écrit à la main&#xa0;; Briefing lit le YAML jusqu’à {limit} Mo (les manifestes plus gros, seulement dans le style JSON qu’il écrit)</translation>
    </message>
    <message>
        <source>has more than {limit} YAML entries written by hand</source>
        <translation>a plus de {limit} entrées YAML écrites à la main</translation>
    </message>
    <message>
        <source>cannot be saved: {problem}; nothing was written</source>
        <translation>ne peut pas être enregistré&#xa0;: {problem}&#xa0;; rien n’a été écrit</translation>
    </message>
    <message>
        <source>cannot save here ({reason})</source>
        <translation>impossible d’enregistrer ici ({reason})</translation>
    </message>
    <message>
        <source>cannot be saved: the folder {parent} does not exist</source>
        <translation>ne peut pas être enregistré&#xa0;: le dossier {parent} n’existe pas</translation>
    </message>
    <message>
        <source>is read-only; make it writable, or save under another name (Save As)</source>
        <translation>est en lecture seule&#xa0;; rendez-le modifiable, ou enregistrez sous un autre nom (Enregistrer sous)</translation>
    </message>
    <message>
        <source>the previous file is intact</source>
        <translation>le fichier précédent est intact</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>rien n’a été écrit</translation>
    </message>
    <message>
        <source>could not be saved ({reason}); {kept}</source>
        <translation>n’a pas pu être enregistré ({reason})&#xa0;; {kept}</translation>
    </message>
    <message>
        <source>has {count} parts, more than a briefing can have</source>
        <translation>a {count} parties, plus qu’une note d’information ne peut en avoir</translation>
    </message>
    <message>
        <source>contains a part with an unsafe name ({name})</source>
        <translation>contient une partie au nom dangereux ({name})</translation>
    </message>
    <message>
        <source>contains the part {name} twice</source>
        <translation>contient deux fois la partie {name}</translation>
    </message>
    <message>
        <source>part {name} claims {file_size} bytes, more than a briefing can hold</source>
        <translation>la partie {name} annonce {file_size} octets, plus qu’une note d’information ne peut en contenir</translation>
    </message>
    <message>
        <source>part {name} expands {ratio}-fold (a zip bomb?)</source>
        <translation>la partie {name} se décompresse {ratio} fois plus grosse (une bombe zip&#xa0;?)</translation>
    </message>
    <message>
        <source>expands to more than 2 GB</source>
        <translation>se décompresse en plus de 2 Go</translation>
    </message>
    <message>
        <source>is missing {what} ({name})</source>
        <translation>il manque {what} ({name})</translation>
    </message>
    <message>
        <source>names the part {name} twice in its manifest (as {what})</source>
        <translation>nomme deux fois la partie {name} dans son manifeste (comme {what})</translation>
    </message>
    <message>
        <source>part {name} is larger than it declares (damaged or hostile)</source>
        <translation>la partie {name} est plus grosse qu’elle ne le déclare (endommagée ou malveillante)</translation>
    </message>
    <message>
        <source>holds more than {budget} MB of data in all, far more than its size suggests (damaged or hostile)</source>
        <translation>contient plus de {budget} Mo de données en tout, bien plus que sa taille ne le laisse penser (endommagé ou malveillant)</translation>
    </message>
    <message>
        <source>part {name} is damaged (it does not decompress)</source>
        <translation>la partie {name} est endommagée (elle ne se décompresse pas)</translation>
    </message>
    <message>
        <source>part {name} expands far beyond its size (a zip bomb?)</source>
        <translation>la partie {name} se décompresse bien au-delà de sa taille (une bombe zip&#xa0;?)</translation>
    </message>
    <message>
        <source>part {name} is truncated</source>
        <translation>la partie {name} est tronquée</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>is a folder, not a briefing file</source>
        <translation>est un dossier, pas un fichier de note d’information</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>is not a briefing file, or is damaged ({exc})</source>
        <translation>n’est pas un fichier de note d’information, ou est endommagé ({exc})</translation>
    </message>
    <message>
        <source>uses a zip feature Briefing does not read ({exc})</source>
        <translation>utilise une fonction zip que Briefing ne lit pas ({exc})</translation>
    </message>
    <message>
        <source>is damaged and cannot be read ({exc})</source>
        <translation>est endommagé et illisible ({exc})</translation>
    </message>
    <message>
        <source>cannot be opened ({reason})</source>
        <translation>ne peut pas être ouvert ({reason})</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe or a device?), so not a briefing file</source>
        <translation>n’est pas un fichier ordinaire (un tube ou un périphérique&#xa0;?), donc pas un fichier de note d’information</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <source>it is cut short, or damaged at its end</source>
        <translation>il est tronqué, ou endommagé à la fin</translation>
    </message>
    <message>
        <source>it does not begin as a briefing file does</source>
        <translation>il ne commence pas comme un fichier de note d’information</translation>
    </message>
    <message>
        <source>it is cut short</source>
        <translation>il est tronqué</translation>
    </message>
    <message>
        <source>part {part} is damaged</source>
        <translation>la partie {part} est endommagée</translation>
    </message>
    <message>
        <source>its table of contents is damaged</source>
        <translation>sa table des matières est endommagée</translation>
    </message>
    <message>
        <source>its type marker</source>
        <translation>son marqueur de type</translation>
    </message>
    <message>
        <source>is not a briefing file (it says it is {mimetype})</source>
        <translation>n’est pas un fichier de note d’information (il se dit {mimetype})</translation>
    </message>
    <message>
        <source>manifest is {size} MB, more than a briefing&apos;s can be ({limit} MB)</source>
        <translation>son manifeste fait {size} Mo, plus que celui d’une note d’information ne peut faire ({limit} Mo)</translation>
    </message>
    <message>
        <source>its manifest</source>
        <translation>son manifeste</translation>
    </message>
    <message>
        <source>manifest {exc}, more than a briefing can have</source>
        <translation>son manifeste {exc}, plus qu’une note d’information ne peut en avoir</translation>
    </message>
    <message>
        <source>manifest is nested too deeply to be a briefing</source>
        <translation>son manifeste est trop profondément imbriqué pour une note d’information</translation>
    </message>
    <message>
        <source>part {name} is damaged (its contents cannot be read){detail}</source>
        <translation>la partie {name} est endommagée (son contenu est illisible){detail}</translation>
    </message>
    <message>
        <source>manifest does not describe a briefing</source>
        <translation>son manifeste ne décrit pas une note d’information</translation>
    </message>
    <message>
        <source>manifest has no valid version number ({version})</source>
        <translation>son manifeste n’a pas de numéro de version valide ({version})</translation>
    </message>
    <message>
        <source>was saved by a newer Briefing (file format {version}; this version reads up to {format_version}). Update Briefing to open it.</source>
        <translation>a été enregistré par un Briefing plus récent (format de fichier {version}&#xa0;; cette version lit jusqu’au format {format_version}). Mettez Briefing à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <source>uses file format {version}, which this version of Briefing cannot convert</source>
        <translation>utilise le format de fichier {version}, que cette version de Briefing ne peut pas convertir</translation>
    </message>
    <message>
        <source>expected [kind, level, start, end]</source>
        <translation>attendu&#xa0;: [kind, level, start, end]</translation>
    </message>
    <message>
        <source>unknown kind {kind}</source>
        <translation>type inconnu {kind}</translation>
    </message>
    <message>
        <source>its level is not a whole number</source>
        <translation>son niveau n’est pas un nombre entier</translation>
    </message>
    <message>
        <source>it points outside the text or out of order</source>
        <translation>il pointe hors du texte ou dans le désordre</translation>
    </message>
    <message>
        <source>manifest at {where}: expected {expected}, found {shown}</source>
        <translation>son manifeste, à {where}&#xa0;: attendu {expected}, trouvé {shown}</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>une table</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>text</source>
        <translation>du texte</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <source>an offset from {previous} to {length} (ascending)</source>
        <translation>une position de {previous} à {length} (croissante)</translation>
    </message>
    <message>
        <source>{what} are damaged (not a list)</source>
        <translation>{what}&#xa0;: endommagés (pas une liste)</translation>
    </message>
    <message>
        <source>{what} are damaged (block {i}: {problem})</source>
        <translation>{what}&#xa0;: endommagés (bloc {i}&#xa0;: {problem})</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>l’un de {choices}</translation>
    </message>
    <message>
        <source>manifest: {problem}</source>
        <translation>son manifeste&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>manifest lists the same item twice</source>
        <translation>son manifeste liste deux fois le même élément</translation>
    </message>
    <message>
        <source>manifest lists the same section twice</source>
        <translation>son manifeste liste deux fois la même section</translation>
    </message>
    <message>
        <source>excerpt {id} cites source {source_id}, which is not in the file</source>
        <translation>l’extrait {id} cite la source {source_id}, qui n’est pas dans le fichier</translation>
    </message>
    <message>
        <source>manifest lists {count} sources, more than a briefing can have</source>
        <translation>son manifeste liste {count} sources, plus qu’une note d’information ne peut en avoir</translation>
    </message>
    <message>
        <source>manifest lists {count} sections, more than a briefing can have</source>
        <translation>son manifeste liste {count} sections, plus qu’une note d’information ne peut en avoir</translation>
    </message>
    <message>
        <source>manifest lists {items} items, more than a briefing can have</source>
        <translation>son manifeste liste {items} éléments, plus qu’une note d’information ne peut en avoir</translation>
    </message>
    <message>
        <source>&apos;excerpt&apos; or &apos;note&apos;</source>
        <translation>&apos;excerpt&apos; ou &apos;note&apos;</translation>
    </message>
    <message>
        <source>excerpt {excerpt_id} at {where} quotes nothing (its exact is empty)</source>
        <translation>l’extrait {excerpt_id} à {where} ne cite rien (son texte exact est vide)</translation>
    </message>
    <message>
        <source>&apos;changed&apos; or &apos;lost&apos;</source>
        <translation>&apos;changed&apos; ou &apos;lost&apos;</translation>
    </message>
    <message>
        <source>the text of {name}</source>
        <translation>le texte de {name}</translation>
    </message>
    <message>
        <source>the text of {name} is not UTF-8</source>
        <translation>le texte de {name} n’est pas en UTF-8</translation>
    </message>
    <message>
        <source>the text of {name} is damaged (its checksum does not match)</source>
        <translation>le texte de {name} est endommagé (sa somme de contrôle ne correspond pas)</translation>
    </message>
    <message>
        <source>&apos;ltr&apos;, &apos;rtl&apos; or &apos;&apos;</source>
        <translation>&apos;ltr&apos;, &apos;rtl&apos; ou &apos;&apos;</translation>
    </message>
    <message>
        <source>a page number from 1</source>
        <translation>un numéro de page à partir de 1</translation>
    </message>
    <message>
        <source>the blocks of {name}</source>
        <translation>les blocs de {name}</translation>
    </message>
    <message>
        <source>{what} are damaged</source>
        <translation>{what}&#xa0;: endommagés</translation>
    </message>
    <message>
        <source>the original file of {name}</source>
        <translation>le fichier original de {name}</translation>
    </message>
    <message>
        <source>the spelling library is not installed ({exc})</source>
        <translation>la bibliothèque d’orthographe n’est pas installée ({exc})</translation>
    </message>
    <message>
        <source>{folder}: the {language} dictionary is missing</source>
        <translation>{folder}&#xa0;: le dictionnaire {language} est absent</translation>
    </message>
    <message>
        <source>{folder}: the {language} dictionary cannot be read ({exc})</source>
        <translation>{folder}&#xa0;: le dictionnaire {language} est illisible ({exc})</translation>
    </message>
    <message>
        <source>{file}: cannot save the word to the personal dictionary ({reason})</source>
        <translation>{file}&#xa0;: impossible d’enregistrer le mot dans le dictionnaire personnel ({reason})</translation>
    </message>
    <message>
        <source>{name} at &apos;{key}&apos;: {problem}</source>
        <translation>{name}, à &apos;{key}&apos;&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>expected a mapping of keys to values, found {kind}</source>
        <translation>attendu une table de clés et de valeurs, trouvé {kind}</translation>
    </message>
    <message>
        <source>missing; expected text</source>
        <translation>absent&#xa0;; du texte est attendu</translation>
    </message>
    <message>
        <source>expected text, found {kind}</source>
        <translation>attendu du texte, trouvé {kind}</translation>
    </message>
    <message>
        <source>expected a number of at least {low}, found {value}</source>
        <translation>attendu un nombre d’au moins {low}, trouvé {value}</translation>
    </message>
    <message>
        <source>expected true or false, found {value}</source>
        <translation>attendu true ou false, trouvé {value}</translation>
    </message>
    <message>
        <source>expected one of {choices}, found {found}</source>
        <translation>attendu l’un de {choices}, trouvé {found}</translation>
    </message>
    <message>
        <source>expected a non-empty list of text, found {kind}</source>
        <translation>attendu une liste de textes non vide, trouvé {kind}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>text {value}</source>
        <translation>le texte {value}</translation>
    </message>
    <message>
        <source>expected {template_format} (this version of Briefing reads format 1), found {fmt}</source>
        <translation>attendu {template_format} (cette version de Briefing lit le format 1), trouvé {fmt}</translation>
    </message>
    <message>
        <source>expected lowercase letters, digits and hyphens, found {template_id}</source>
        <translation>attendu des lettres minuscules, des chiffres et des traits d’union, trouvé {template_id}</translation>
    </message>
    <message>
        <source>expected a non-empty list of sections, found {kind}</source>
        <translation>attendu une liste de sections non vide, trouvé {kind}</translation>
    </message>
    <message>
        <source>expected lowercase letters, digits and hyphens, found {section_id}</source>
        <translation>attendu des lettres minuscules, des chiffres et des traits d’union, trouvé {section_id}</translation>
    </message>
    <message>
        <source>expected a unique section id, {section_id} is used twice</source>
        <translation>attendu un identifiant de section unique, {section_id} est utilisé deux fois</translation>
    </message>
    <message>
        <source>expected a text field of title_block.defaults ({fields}), found {name}</source>
        <translation>attendu un champ texte de title_block.defaults ({fields}), trouvé {name}</translation>
    </message>
    <message>
        <source>expected one of the choices ({choices}), found {found}</source>
        <translation>attendu l’un des choix ({choices}), trouvé {found}</translation>
    </message>
    <message>
        <source>expected {a} and {b} margins that leave at least {min_content_mm} mm of the {size} page&apos;s {across} mm {side}; {first} + {second} mm leave {left} mm</source>
        <translation>attendu des marges {a} et {b} qui laissent au moins {min_content_mm} mm des {across} mm de la page {size} ({side})&#xa0;; {first} + {second} mm en laissent {left} mm</translation>
    </message>
    <message>
        <source>expected fields of title_block.fields ({listed}), found {name}</source>
        <translation>attendu des champs de title_block.fields ({listed}), trouvé {name}</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>illisible ({reason})</translation>
    </message>
    <message>
        <source>is larger than 1 MB; a template is a short YAML file</source>
        <translation>fait plus de 1 Mo&#xa0;; un modèle est un court fichier YAML</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>n’est pas du texte UTF-8</translation>
    </message>
    <message>
        <source>is not valid YAML{where}: {problem}</source>
        <translation>n’est pas du YAML valide{where}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>est un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>unsupported file type {suffix}; supported: {supported}</source>
        <translation>type de fichier non pris en charge&#xa0;: {suffix}&#xa0;; pris en charge&#xa0;: {supported}</translation>
    </message>
    <message>
        <source>cannot read the file ({reason})</source>
        <translation>impossible de lire le fichier ({reason})</translation>
    </message>
    <message>
        <source>is not a valid file name ({exc})</source>
        <translation>n’est pas un nom de fichier valide ({exc})</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>le fichier est vide (0 octet)</translation>
    </message>
    <message>
        <source>files of type {suffix} cannot be imported; supported: {supported}</source>
        <translation>les fichiers de type {suffix} ne peuvent pas être importés&#xa0;; pris en charge&#xa0;: {supported}</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe, device or socket)</source>
        <translation>n’est pas un fichier ordinaire (un tube, un périphérique ou un socket)</translation>
    </message>
    <message>
        <source>file is too large ({size} MB; the limit is 100 MB)</source>
        <translation>fichier trop gros ({size} Mo&#xa0;; la limite est de 100 Mo)</translation>
    </message>
    <message>
        <source>file is too large (over 100 MB; the limit is 100 MB)</source>
        <translation>fichier trop gros (plus de 100 Mo&#xa0;; la limite est de 100 Mo)</translation>
    </message>
    <message>
        <source>the file needs too much memory to read</source>
        <translation>le fichier demande trop de mémoire pour être lu</translation>
    </message>
    <message>
        <source>the file is nested too deeply to read</source>
        <translation>le fichier est trop profondément imbriqué pour être lu</translation>
    </message>
    <message>
        <source>could not be read: it is damaged, or it is not really a {suffix} file</source>
        <translation>n’a pas pu être lu&#xa0;: il est endommagé, ou ce n’est pas vraiment un fichier {suffix}</translation>
    </message>
    <message>
        <source>no text could be extracted</source>
        <translation>aucun texte n’a pu être extrait</translation>
    </message>
    <message>
        <source>open it in Word or LibreOffice and save it as .docx, then import that (or install LibreOffice, which Briefing uses to convert .doc files)</source>
        <translation>ouvrez-le dans Word ou LibreOffice et enregistrez-le en .docx, puis importez ce fichier (ou installez LibreOffice, dont Briefing se sert pour convertir les fichiers .doc)</translation>
    </message>
    <message>
        <source>is a damaged Word document ({kind}: {exc})</source>
        <translation>est un document Word endommagé ({kind}&#xa0;: {exc})</translation>
    </message>
    <message>
        <source>is an Outlook message, not a Word document (rename it to .msg)</source>
        <translation>est un message Outlook, pas un document Word (renommez-le en .msg)</translation>
    </message>
    <message>
        <source>is not a Word document (a compound file without a Word document)</source>
        <translation>n’est pas un document Word (un fichier composé sans document Word)</translation>
    </message>
    <message>
        <source>is a damaged Word document (its text stream has no valid header)</source>
        <translation>est un document Word endommagé (son flux de texte n’a pas d’en-tête valide)</translation>
    </message>
    <message>
        <source>is password-protected; open it in Word, remove the password, save it as .docx and import that</source>
        <translation>est protégé par un mot de passe&#xa0;; ouvrez-le dans Word, retirez le mot de passe, enregistrez-le en .docx et importez ce fichier</translation>
    </message>
    <message>
        <source>LibreOffice did not convert it within {convert_seconds} seconds; {how_to_convert}</source>
        <translation>LibreOffice ne l’a pas converti en {convert_seconds} secondes&#xa0;; {how_to_convert}</translation>
    </message>
    <message>
        <source>LibreOffice could not convert it (damaged?) ({detail}); {how_to_convert}</source>
        <translation>LibreOffice n’a pas pu le convertir (endommagé&#xa0;?) ({detail})&#xa0;; {how_to_convert}</translation>
    </message>
    <message>
        <source>LibreOffice could not convert it (damaged?); {how_to_convert}</source>
        <translation>LibreOffice n’a pas pu le convertir (endommagé&#xa0;?)&#xa0;; {how_to_convert}</translation>
    </message>
    <message>
        <source>is not a Word document (not a Word 97-2003 .doc file)</source>
        <translation>n’est pas un document Word (pas un fichier .doc de Word 97-2003)</translation>
    </message>
    <message>
        <source>old Word .doc files need LibreOffice to be read; {how_to_convert}</source>
        <translation>les anciens fichiers .doc de Word ont besoin de LibreOffice pour être lus&#xa0;; {how_to_convert}</translation>
    </message>
    <message>
        <source>a Word document</source>
        <translation>un document Word</translation>
    </message>
    <message>
        <source>is a PDF file named {suffix}; rename it to .pdf to import it</source>
        <translation>est un fichier PDF nommé {suffix}&#xa0;; renommez-le en .pdf pour l’importer</translation>
    </message>
    <message>
        <source>is not {kind} (not a valid {suffix} package; damaged or truncated?)</source>
        <translation>n’est pas {kind} (pas un paquet {suffix} valide&#xa0;; endommagé ou tronqué&#xa0;?)</translation>
    </message>
    <message>
        <source>unpacks to {size} MB; refused as a likely zip bomb (limit 300 MB)</source>
        <translation>se décompresse en {size} Mo&#xa0;; refusé comme bombe zip probable (limite de 300 Mo)</translation>
    </message>
    <message>
        <source>is not {kind} (no {required} inside)</source>
        <translation>n’est pas {kind} (pas de {required} à l’intérieur)</translation>
    </message>
    <message>
        <source>is a damaged Word document (part of it cannot be unpacked); Word may be able to repair it</source>
        <translation>est un document Word endommagé (une partie ne peut pas être décompressée)&#xa0;; Word pourra peut-être le réparer</translation>
    </message>
    <message>
        <source>the message&apos;s text is damaged base64 and cannot be decoded</source>
        <translation>le texte du message est du base64 endommagé et ne peut pas être décodé</translation>
    </message>
    <message>
        <source>the message&apos;s base64 text had characters that do not belong in it; they were skipped</source>
        <translation>le texte base64 du message avait des caractères qui n’y ont pas leur place&#xa0;; ils ont été ignorés</translation>
    </message>
    <message>
        <source>the message&apos;s quoted-printable text is damaged: some &apos;=&apos; codes could not be decoded and were kept as they are</source>
        <translation>le texte quoted-printable du message est endommagé&#xa0;: certains codes &apos;=&apos; n’ont pas pu être décodés et ont été gardés tels quels</translation>
    </message>
    <message>
        <source>the message says its text is in {charset}, a character set Briefing does not know; it was read as {name} (if letters look wrong, import again choosing the encoding)</source>
        <translation>le message dit que son texte est en {charset}, un jeu de caractères que Briefing ne connaît pas&#xa0;; il a été lu en {name} (si des lettres semblent fausses, importez-le de nouveau en choisissant l’encodage)</translation>
    </message>
    <message>
        <source>the message says its text is {charset} but it is not; the encoding was detected</source>
        <translation>le message dit que son texte est en {charset}, mais il ne l’est pas&#xa0;; l’encodage a été détecté</translation>
    </message>
    <message>
        <source>the attached message {name} has damaged headers, so it was left out</source>
        <translation>le message joint {name} a des en-têtes endommagés&#xa0;; il a donc été laissé de côté</translation>
    </message>
    <message>
        <source>the attached message {name} is damaged, so it was left out</source>
        <translation>le message joint {name} est endommagé&#xa0;; il a donc été laissé de côté</translation>
    </message>
    <message>
        <source>the attachment {name} is empty (0 bytes), so it was left out</source>
        <translation>la pièce jointe {name} est vide (0 octet)&#xa0;; elle a donc été laissée de côté</translation>
    </message>
    <message>
        <source>is not an e-mail message (no message headers)</source>
        <translation>n’est pas un courriel (pas d’en-têtes de message)</translation>
    </message>
    <message>
        <source>{problem}; the message&apos;s HTML version was read instead</source>
        <translation>{problem}&#xa0;; la version HTML du message a été lue à la place</translation>
    </message>
    <message>
        <source>{stopped}, before any text</source>
        <translation>{stopped}, avant tout texte</translation>
    </message>
    <message>
        <source>the message has no text body</source>
        <translation>le message n’a pas de corps de texte</translation>
    </message>
    <message>
        <source>{stopped}, so text after that point may be missing</source>
        <translation>{stopped}&#xa0;; le texte qui suit peut donc manquer</translation>
    </message>
    <message>
        <source>the header is cut short</source>
        <translation>l’en-tête est tronqué</translation>
    </message>
    <message>
        <source>it claims to unpack to {size} MB</source>
        <translation>il annonce se décompresser en {size} Mo</translation>
    </message>
    <message>
        <source>its compression is of an unknown kind</source>
        <translation>sa compression est d’un type inconnu</translation>
    </message>
    <message>
        <source>a reference is cut short</source>
        <translation>une référence est tronquée</translation>
    </message>
    <message>
        <source>it unpacks to more than it says</source>
        <translation>il se décompresse en plus qu’il ne l’annonce</translation>
    </message>
    <message>
        <source>has a part larger than the file itself; the file is damaged</source>
        <translation>a une partie plus grosse que le fichier lui-même&#xa0;; le fichier est endommagé</translation>
    </message>
    <message>
        <source>is not an Outlook message (not a compound file; damaged or renamed?)</source>
        <translation>n’est pas un message Outlook (pas un fichier composé&#xa0;; endommagé ou renommé&#xa0;?)</translation>
    </message>
    <message>
        <source>is cut short (truncated?); the message cannot be read whole</source>
        <translation>est incomplet (tronqué&#xa0;?)&#xa0;; le message ne peut pas être lu en entier</translation>
    </message>
    <message>
        <source>is a damaged Outlook message ({exc})</source>
        <translation>est un message Outlook endommagé ({exc})</translation>
    </message>
    <message>
        <source>is an encrypted Office document, not an Outlook message</source>
        <translation>est un document Office chiffré, pas un message Outlook</translation>
    </message>
    <message>
        <source>is a Word .doc document, not an Outlook message (rename it to .doc)</source>
        <translation>est un document Word .doc, pas un message Outlook (renommez-le en .doc)</translation>
    </message>
    <message>
        <source>is not an Outlook message (a compound file without message properties)</source>
        <translation>n’est pas un message Outlook (un fichier composé sans propriétés de message)</translation>
    </message>
    <message>
        <source>the message&apos;s formatted (RTF) body is damaged ({detail}); it was not read</source>
        <translation>le corps mis en forme (RTF) du message est endommagé ({detail})&#xa0;; il n’a pas été lu</translation>
    </message>
    <message>
        <source>is encrypted (S/MIME); Briefing cannot read it: open it in Outlook and save or forward a decrypted copy</source>
        <translation>est chiffré (S/MIME)&#xa0;; Briefing ne peut pas le lire&#xa0;: ouvrez-le dans Outlook et enregistrez ou transférez une copie déchiffrée</translation>
    </message>
    <message>
        <source>has messages attached to messages more than {max_nesting} deep</source>
        <translation>a des messages joints à des messages sur plus de {max_nesting} niveaux</translation>
    </message>
    <message>
        <source>the message has no text body (its attachments: {names})</source>
        <translation>le message n’a pas de corps de texte (ses pièces jointes&#xa0;: {names})</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} et {last}</translation>
    </message>
    <message>
        <source>the OCR language data ({names}) is not installed (on Debian or Ubuntu: apt install {packages}; or set TESSDATA_PREFIX)</source>
        <translation>les données de langue de la ROC ({names}) ne sont pas installées (sous Debian ou Ubuntu&#xa0;: apt install {packages}&#xa0;; ou définissez TESSDATA_PREFIX)</translation>
    </message>
    <message>
        <source>OCR is not installed (the tesserocr package, which carries Tesseract)</source>
        <translation>la ROC n’est pas installée (le paquet tesserocr, qui contient Tesseract)</translation>
    </message>
    <message>
        <source>reading it needs OCR, and {exc}</source>
        <translation>le lire demande la ROC, et {exc}</translation>
    </message>
    <message>
        <source>the OCR engine could not load its language data ({languages} in {folder}): {exc}</source>
        <translation>le moteur de ROC n’a pas pu charger ses données de langue ({languages} dans {folder})&#xa0;: {exc}</translation>
    </message>
    <message>
        <source>is not a PNG, JPEG or TIFF image, or is damaged (named {suffix})</source>
        <translation>n’est pas une image PNG, JPEG ou TIFF, ou est endommagé (nommé {suffix})</translation>
    </message>
    <message>
        <source>the image is too large to read ({width} × {height} pixels); the limit is {limit} million pixels</source>
        <translation>l’image est trop grande pour être lue ({width} × {height} pixels)&#xa0;; la limite est de {limit} millions de pixels</translation>
    </message>
    <message>
        <source>the image is too large to read; the limit is {limit} million pixels</source>
        <translation>l’image est trop grande pour être lue&#xa0;; la limite est de {limit} millions de pixels</translation>
    </message>
    <message>
        <source>has {count} pages; the limit is {max_pages}</source>
        <translation>a {count} pages&#xa0;; la limite est de {max_pages}</translation>
    </message>
    <message>
        <source>the image is damaged or cut short (page {page})</source>
        <translation>l’image est endommagée ou tronquée (page {page})</translation>
    </message>
    <message>
        <source>the image is damaged or cut short</source>
        <translation>l’image est endommagée ou tronquée</translation>
    </message>
    <message>
        <source>is an image: reading its text needs OCR, and {exc}</source>
        <translation>est une image&#xa0;: lire son texte demande la ROC, et {exc}</translation>
    </message>
    <message>
        <source>OCR found no text in the image</source>
        <translation>la ROC n’a trouvé aucun texte dans l’image</translation>
    </message>
    <message>
        <source>is a damaged OpenDocument file ({part}: {exc})</source>
        <translation>est un fichier OpenDocument endommagé ({part}&#xa0;: {exc})</translation>
    </message>
    <message>
        <source>an OpenDocument text document</source>
        <translation>un document texte OpenDocument</translation>
    </message>
    <message>
        <source>is password-protected; open it in LibreOffice, remove the password and import it again</source>
        <translation>est protégé par un mot de passe&#xa0;; ouvrez-le dans LibreOffice, retirez le mot de passe et importez-le de nouveau</translation>
    </message>
    <message>
        <source>is an OpenDocument {kind}, not a text document</source>
        <translation>est un OpenDocument de type {kind}, pas un document texte</translation>
    </message>
    <message>
        <source>is not an OpenDocument text document (no text body)</source>
        <translation>n’est pas un document texte OpenDocument (pas de corps de texte)</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>texte collé</translation>
    </message>
    <message>
        <source>the clipboard holds no text</source>
        <translation>le presse-papiers ne contient aucun texte</translation>
    </message>
    <message>
        <source>is not a PDF file (no PDF header)</source>
        <translation>n’est pas un fichier PDF (pas d’en-tête PDF)</translation>
    </message>
    <message>
        <source>is a damaged PDF and cannot be read (its end is missing: was it cut short?)</source>
        <translation>est un PDF endommagé et illisible (sa fin manque&#xa0;: a-t-il été tronqué&#xa0;?)</translation>
    </message>
    <message>
        <source>is a damaged PDF and cannot be read</source>
        <translation>est un PDF endommagé et illisible</translation>
    </message>
    <message>
        <source>is encrypted in a way that cannot be opened (its encryption is damaged or not supported)</source>
        <translation>est chiffré d’une façon qui ne peut pas être ouverte (son chiffrement est endommagé ou non pris en charge)</translation>
    </message>
    <message>
        <source>the password is wrong for this encrypted PDF</source>
        <translation>le mot de passe ne convient pas à ce PDF chiffré</translation>
    </message>
    <message>
        <source>is encrypted: give its password (--password)</source>
        <translation>est chiffré&#xa0;: donnez son mot de passe</translation>
    </message>
    <message>
        <source>is a damaged PDF: its list of pages cannot be read</source>
        <translation>est un PDF endommagé&#xa0;: sa liste de pages est illisible</translation>
    </message>
    <message>
        <source>has no pages</source>
        <translation>n’a aucune page</translation>
    </message>
    <message>
        <source>has {page_count} pages; the limit is {max_pages}</source>
        <translation>a {page_count} pages&#xa0;; la limite est de {max_pages}</translation>
    </message>
    <message>
        <source>has no text that can be extracted</source>
        <translation>n’a aucun texte qui puisse être extrait</translation>
    </message>
    <message>
        <source>pages {ranges} are images without a text layer and need OCR</source>
        <translation>les pages {ranges} sont des images sans couche de texte et demandent la ROC</translation>
    </message>
    <message>
        <source>pages {ranges} are damaged and were skipped</source>
        <translation>les pages {ranges} sont endommagées et ont été sautées</translation>
    </message>
    <message>
        <source>has no text layer (its pages are images, e.g. a scan): it needs OCR, and {exc}</source>
        <translation>n’a pas de couche de texte (ses pages sont des images, p. ex. une numérisation)&#xa0;: il faut la ROC, et {exc}</translation>
    </message>
    <message>
        <source>has no text layer (its pages are images, e.g. a scan), and its page images could not be read</source>
        <translation>n’a pas de couche de texte (ses pages sont des images, p. ex. une numérisation), et les images de ses pages n’ont pas pu être lues</translation>
    </message>
    <message>
        <source>has no text layer (its pages are images, e.g. a scan), and OCR found no text in its images</source>
        <translation>n’a pas de couche de texte (ses pages sont des images, p. ex. une numérisation), et la ROC n’a trouvé aucun texte dans ses images</translation>
    </message>
    <message>
        <source>pages {ranges} are images OCR could not read, and were skipped</source>
        <translation>les pages {ranges} sont des images que la ROC n’a pas pu lire&#xa0;; elles ont été sautées</translation>
    </message>
    <message>
        <source>is not an RTF document (it does not start with {\rtf)</source>
        <translation>n’est pas un document RTF (il ne commence pas par {\rtf)</translation>
    </message>
    <message>
        <source>is nested too deeply (over {max_group_depth} groups); refused as damaged</source>
        <translation>est trop profondément imbriqué (plus de {max_group_depth} groupes)&#xa0;; refusé comme endommagé</translation>
    </message>
    <message>
        <source>is a damaged RTF document (it ends before its text; truncated?)</source>
        <translation>est un document RTF endommagé (il se termine avant son texte&#xa0;; tronqué&#xa0;?)</translation>
    </message>
    <message>
        <source>the RTF document ends early (truncated?); the text after that point is missing</source>
        <translation>le document RTF se termine trop tôt (tronqué&#xa0;?)&#xa0;; le texte qui suit manque</translation>
    </message>
    <message>
        <source>is not a text file (binary data, not {encoding} text)</source>
        <translation>n’est pas un fichier texte (des données binaires, pas du texte {encoding})</translation>
    </message>
    <message>
        <source>{bad} byte sequence(s) were not valid {encoding} and show as �</source>
        <translation>{bad} séquence(s) d’octets n’étaient pas du {encoding} valide et s’affichent comme �</translation>
    </message>
    <message>
        <source>unknown encoding {encoding}</source>
        <translation>encodage inconnu&#xa0;: {encoding}</translation>
    </message>
    <message>
        <source>is not valid {encoding} (byte {start})</source>
        <translation>n’est pas du {encoding} valide (octet {start})</translation>
    </message>
    <message>
        <source>the file is valid UTF-8 text: read as {encoding}, its letters are garbled (&quot;Ã©&quot; for &quot;é&quot;, control characters); import again choosing utf-8</source>
        <translation>le fichier est du texte UTF-8 valide&#xa0;: lu en {encoding}, ses lettres sont brouillées («&#xa0;Ã©&#xa0;» pour «&#xa0;é&#xa0;», caractères de contrôle)&#xa0;; importez-le de nouveau en choisissant utf-8</translation>
    </message>
    <message>
        <source>is not {encoding} text (read so, it is a jumble of unrelated characters); it reads as {detected}</source>
        <translation>n’est pas du texte {encoding} (lu ainsi, c’est un fouillis de caractères sans rapport entre eux)&#xa0;; il se lit en {detected}</translation>
    </message>
    <message>
        <source>starts like {name} text but is not (byte {start})</source>
        <translation>commence comme du texte {name} mais n’en est pas (octet {start})</translation>
    </message>
    <message>
        <source>the file has no byte-order mark; it was read as {utf16}</source>
        <translation>le fichier n’a pas d’indicateur d’ordre des octets&#xa0;; il a été lu en {utf16}</translation>
    </message>
    <message>
        <source>is not a text file (it contains binary data)</source>
        <translation>n’est pas un fichier texte (il contient des données binaires)</translation>
    </message>
    <message>
        <source>is not text (no character encoding fits it)</source>
        <translation>n’est pas du texte (aucun encodage de caractères ne lui convient)</translation>
    </message>
    <message>
        <source>the encoding was guessed as {encoding}{language}, but {others} would also fit; if letters look wrong, import again choosing the encoding</source>
        <translation>l’encodage a été deviné&#xa0;: {encoding}{language}, mais ces encodages conviendraient aussi&#xa0;: {others}&#xa0;; si des lettres semblent fausses, importez-le de nouveau en choisissant l’encodage</translation>
    </message>
    <message>
        <source>the encoding was guessed as {encoding}{language} and the text still looks garbled; import again choosing the encoding</source>
        <translation>l’encodage a été deviné&#xa0;: {encoding}{language}, et le texte semble encore brouillé&#xa0;; importez-le de nouveau en choisissant l’encodage</translation>
    </message>
    <message>
        <source>is not a readable web page</source>
        <translation>n’est pas une page Web lisible</translation>
    </message>
    <message>
        <source>no text found in the page</source>
        <translation>aucun texte trouvé dans la page</translation>
    </message>
    <message>
        <source>the page says it is {name} but is not; the encoding was detected instead</source>
        <translation>la page dit être en {name}, mais elle ne l’est pas&#xa0;; l’encodage a été détecté à la place</translation>
    </message>
    <message>
        <source>the page nests its elements too deeply (over 256 levels): reading stopped there</source>
        <translation>la page imbrique ses éléments trop profondément (plus de 256 niveaux)&#xa0;: la lecture s’est arrêtée là</translation>
    </message>
    <message>
        <source>the page has a part too large to read (over 10 MB): reading stopped there</source>
        <translation>la page a une partie trop grosse pour être lue (plus de 10 Mo)&#xa0;: la lecture s’est arrêtée là</translation>
    </message>
    <message>
        <source>the page broke the HTML parser ({error}): reading stopped there</source>
        <translation>la page a mis en échec l’analyseur HTML ({error})&#xa0;: la lecture s’est arrêtée là</translation>
    </message>
    <message>
        <source>is not a web archive (no HTML page inside)</source>
        <translation>n’est pas une archive Web (pas de page HTML à l’intérieur)</translation>
    </message>
    <message>
        <source>the name is too long for the file system; choose a shorter one</source>
        <translation>le nom est trop long pour le système de fichiers&#xa0;; choisissez-en un plus court</translation>
    </message>
    <message>
        <source>{what} ({reason})</source>
        <translation>{what} ({reason})</translation>
    </message>
    <message>
        <source>unknown export format {suffix}; use .docx, .pdf or .md</source>
        <translation>format d’exportation inconnu&#xa0;: {suffix}&#xa0;; utilisez .docx, .pdf ou .md</translation>
    </message>
    <message>
        <source>the name contains a NUL character; choose another name</source>
        <translation>le nom contient un caractère NUL&#xa0;; choisissez un autre nom</translation>
    </message>
    <message>
        <source>{parent} is a file, not a folder</source>
        <translation>{parent} est un fichier, pas un dossier</translation>
    </message>
    <message>
        <source>the folder {parent} does not exist</source>
        <translation>le dossier {parent} n’existe pas</translation>
    </message>
    <message>
        <source>cannot be checked</source>
        <translation>ne peut pas être vérifié</translation>
    </message>
    <message>
        <source>is read-only; make it writable or export under another name</source>
        <translation>est en lecture seule&#xa0;; rendez-le modifiable ou exportez sous un autre nom</translation>
    </message>
    <message>
        <source>could not be produced ({kind}: {reason})</source>
        <translation>n’a pas pu être produit ({kind}&#xa0;: {reason})</translation>
    </message>
    <message>
        <source>cannot write in {folder}</source>
        <translation>impossible d’écrire dans {folder}</translation>
    </message>
    <message>
        <source>cannot be replaced: it is open in another program (such as Word) or locked</source>
        <translation>ne peut pas être remplacé&#xa0;: il est ouvert dans un autre programme (comme Word) ou verrouillé</translation>
    </message>
    <message>
        <source>cannot be written</source>
        <translation>ne peut pas être écrit</translation>
    </message>
    <message>
        <source>the text does not fit on the page: template {template} ({page_size}, {font_size_pt} pt, margins {margins} mm) leaves {width} × {height} mm for it; use smaller margins or another template</source>
        <translation>le texte ne tient pas sur la page&#xa0;: le modèle {template} ({page_size}, {font_size_pt} pt, marges {margins} mm) ne lui laisse que {width} × {height} mm&#xa0;; utilisez des marges plus petites ou un autre modèle</translation>
    </message>
    <message>
        <source>template &apos;{template}&apos; is not installed; the export uses Briefing&apos;s default layout instead ({page_size}, {font} {font_size_pt} pt)</source>
        <translation>le modèle «&#xa0;{template}&#xa0;» n’est pas installé&#xa0;; l’export utilise à la place la mise en page par défaut de Briefing (format {page_size}, {font} {font_size_pt}&#xa0;pt)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> et {count} autres</translation>
    </message>
    <message>
        <source>the PDF fonts cannot show some of the text: {scripts}{more}; export to DOCX instead, which keeps all text</source>
        <translation>les polices du PDF ne peuvent pas afficher une partie du texte&#xa0;: {scripts}{more}&#xa0;; exportez plutôt en DOCX, qui garde tout le texte</translation>
    </message>
    <message>
        <source>the PDF cannot show the vowel marks of the quotation at footnote {number} (“{start}”); the DOCX keeps them</source>
        <translation>le PDF ne peut pas afficher les signes vocaliques de la citation de la note {number} («&#xa0;{start}&#xa0;»)&#xa0;; le DOCX les garde</translation>
    </message>
    <message>
        <source>the PDF cannot show the vowel marks in “{start}”; the DOCX keeps them</source>
        <translation>le PDF ne peut pas afficher les signes vocaliques de «&#xa0;{start}&#xa0;»&#xa0;; le DOCX les garde</translation>
    </message>
    <message>
        <source>1 excerpt no longer matches its source</source>
        <translation>1 extrait ne correspond plus à sa source</translation>
    </message>
    <message>
        <source>{count} excerpts no longer match their sources</source>
        <translation>{count} extraits ne correspondent plus à leur source</translation>
    </message>
    <message>
        <source>{count} ({listed}{more}); run `briefing check` to see why, then fix or re-file them before exporting</source>
        <translation>{count} ({listed}{more})&#xa0;; lancez `briefing check` pour savoir pourquoi, puis corrigez-les ou classez-les de nouveau avant d’exporter</translation>
    </message>
    <message>
        <source>no article could be told apart from the page: all of its visible text was imported</source>
        <translation>aucun article n’a pu être distingué dans la page&#xa0;: tout son texte visible a été importé</translation>
    </message>
    <message>
        <source>“{quote}” is where it was</source>
        <translation>«&#xa0;{quote}&#xa0;» est à sa place</translation>
    </message>
    <message>
        <source>“{quote}” moved from {old} to {new}</source>
        <translation>«&#xa0;{quote}&#xa0;» s’est déplacé de {old} à {new}</translation>
    </message>
    <message>
        <source>“{quote}” no longer occurs word for word; nearest text ({percent}% alike) is “{new}”</source>
        <translation>«&#xa0;{quote}&#xa0;» ne se trouve plus mot pour mot&#xa0;; le texte le plus proche (semblable à {percent}&#xa0;%) est «&#xa0;{new}&#xa0;»</translation>
    </message>
    <message>
        <source>“{quote}” is not where it was, and could not be re-anchored in the time allowed (a very large or repetitive source); check it by hand</source>
        <translation>«&#xa0;{quote}&#xa0;» n’est plus à sa place et n’a pas pu être retrouvé dans le temps permis (une source très grande ou répétitive)&#xa0;; vérifiez-le à la main</translation>
    </message>
    <message>
        <source>“{quote}” cannot be found in the source</source>
        <translation>«&#xa0;{quote}&#xa0;» est introuvable dans la source</translation>
    </message>
    <message>
        <source>1 excerpt changed by an update is not yet reviewed</source>
        <translation>1 extrait modifié par une mise à jour de sa source n’est pas encore revu</translation>
    </message>
    <message>
        <source>{count} excerpts changed by an update are not yet reviewed</source>
        <translation>{count} extraits modifiés par une mise à jour de leur source ne sont pas encore revus</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>the year {year} is before {first}</source>
        <translation>l’année {year} est antérieure à {first}</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <source>there is no month {month}</source>
        <translation>il n’y a pas de mois {month}</translation>
    </message>
    <message>
        <source>there is no year {year}</source>
        <translation>il n’y a pas d’année {year}</translation>
    </message>
    <message>
        <source>{month} {year} has {days} days</source>
        <translation>{month} {year} compte {days}&#xa0;jours</translation>
    </message>
    <message>
        <source>the note has no title: the page shows none, and the file&apos;s properties call it “{name}”; give it one in the title block</source>
        <translation>la note n’a pas de titre&#xa0;: la page n’en montre aucun, et les propriétés du fichier l’appellent «&#xa0;{name}&#xa0;»&#xa0;; donnez-lui un titre dans le bloc-titre</translation>
    </message>
    <message>
        <source>is not a regular file (a device, a pipe or a socket); nothing was written: choose another name</source>
        <translation>n’est pas un fichier ordinaire (un périphérique, un tube ou un socket)&#xa0;; rien n’a été écrit&#xa0;: choisissez un autre nom</translation>
    </message>
    <message>
        <source>is a link to {target}, which is not a regular file (a device, a pipe or a socket); nothing was written: choose another name</source>
        <translation>est un lien vers {target}, qui n’est pas un fichier ordinaire (un périphérique, un tube ou un socket)&#xa0;; rien n’a été écrit&#xa0;: choisissez un autre nom</translation>
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
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>Not listed, as it cannot be read: %1</source>
        <translation>Absent de la liste, car illisible&#xa0;: %1</translation>
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
        <source>Item %1 of %2 in %3</source>
        <translation>Élément %1 sur %2 dans %3</translation>
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
        <source>1 excerpt to review</source>
        <translation>1 extrait à revoir</translation>
    </message>
    <message numerus="yes">
        <source>%n excerpts to review</source>
        <translation>
            <numerusform>%n extrait à revoir</numerusform>
            <numerusform>%n extraits à revoir</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages not counted: %1</source>
        <translation>Pages non comptées&#xa0;: %1</translation>
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
    <message>
        <source>1 page, %1 at most</source>
        <translation>1 page, %1 au plus</translation>
    </message>
    <message>
        <source>%1 pages, %2 at most</source>
        <translation>%1 pages, %2 au plus</translation>
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
        <source>Copies of unsaved work</source>
        <translation>Copies du travail non enregistré</translation>
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
        <source>%1 / %2 words, %3 over</source>
        <translation>%1 / %2 mots, %3 de trop</translation>
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
        <source>Sa&amp;ve Attachment As…</source>
        <translation>Enregistrer la &amp;pièce jointe sous…</translation>
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
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>%1 has attachments: %2. Add them as sources too?</source>
        <translation>%1 a des pièces jointes&#xa0;: %2. Les ajouter aussi comme sources&#xa0;?</translation>
    </message>
    <message>
        <source>Added, with warnings:</source>
        <translation>Ajoutées, avec des avertissements&#xa0;:</translation>
    </message>
    <message>
        <source>Added, with warnings:</source>
        <comment>one source</comment>
        <translation>Ajoutée, avec des avertissements&#xa0;:</translation>
    </message>
    <message>
        <source>Sources Added With Warnings</source>
        <translation>Sources ajoutées avec des avertissements</translation>
    </message>
    <message>
        <source>Source Added With Warnings</source>
        <translation>Source ajoutée avec des avertissements</translation>
    </message>
    <message numerus="yes">
        <source>Remove the source “%1” and the %n excerpt(s) filed from it? You can undo this.</source>
        <translation>
            <numerusform>Retirer la source «&#xa0;%1&#xa0;» et l’extrait qui en a été classé&#xa0;? Vous pourrez annuler.</numerusform>
            <numerusform>Retirer la source «&#xa0;%1&#xa0;» et les %n extraits qui en ont été classés&#xa0;? Vous pourrez annuler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Attachment saved as %1</source>
        <translation>Pièce jointe enregistrée sous %1</translation>
    </message>
    <message>
        <source>These cannot be imported: %1</source>
        <translation>Impossible d’importer&#xa0;: %1</translation>
    </message>
    <message>
        <source>(Source &gt; %1)</source>
        <translation>(Source &gt; %1)</translation>
    </message>
    <message>
        <source>%1 is already a source of this briefing: %2. Add it again?</source>
        <translation>%1 est déjà une source de cette note&#xa0;: %2. L’ajouter de nouveau&#xa0;?</translation>
    </message>
    <message>
        <source>Source Already Added</source>
        <translation>Source déjà ajoutée</translation>
    </message>
    <message>
        <source>Not added again: %1 is selected</source>
        <translation>Non ajoutée de nouveau&#xa0;: %1 est sélectionnée</translation>
    </message>
    <message>
        <source>Pictures not added: %1. Save them (Source &gt; Save Attachment As…) and add them as sources to read them by OCR.</source>
        <translation>Images non ajoutées&#xa0;: %1. Enregistrez-les (Source &gt; Enregistrer la pièce jointe sous…), puis ajoutez-les comme sources pour les lire par ROC.</translation>
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
    <message>
        <source>Rename Source</source>
        <translation>Renommer la source</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Save Attachment As</source>
        <translation>Enregistrer la pièce jointe sous</translation>
    </message>
    <message>
        <source>The e-mail “%1” has no attachment to save: Briefing imports its attachments as sources (Add Source).</source>
        <translation>Le courriel «&#xa0;%1&#xa0;» n’a aucune pièce jointe à enregistrer&#xa0;: Briefing importe ses pièces jointes comme sources (Ajouter une source).</translation>
    </message>
    <message>
        <source>Attachment of the e-mail “%1” to save:</source>
        <translation>Pièce jointe du courriel «&#xa0;%1&#xa0;» à enregistrer&#xa0;:</translation>
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
        <source>&amp;Date sent</source>
        <translation>&amp;Date d’envoi</translation>
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
        <source>en, fr, fr-CA…</source>
        <translation>fr, en, fr-CA…</translation>
    </message>
    <message>
        <source>File: %1 · format: %2</source>
        <translation>Fichier&#xa0;: %1 · format&#xa0;: %2</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc&#xa0;: %1</translation>
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
        <source>The date %1 does not exist: %2.</source>
        <translation>La date %1 n’existe pas&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY), as citations show it.</source>
        <translation>Écrivez la date sous la forme AAAA-MM-JJ (ou AAAA-MM, ou AAAA), comme les citations la présentent.</translation>
    </message>
    <message>
        <source>Write the language as a code: en, fr, or with a region, fr-CA.</source>
        <translation>Écrivez la langue sous forme de code&#xa0;: fr, en ou, avec une région, fr-CA.</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <source>Pasted text</source>
        <translation>Texte collé</translation>
    </message>
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
        <source>&lt;b&gt;No sources yet.&lt;/b&gt;&lt;br&gt;Add articles, reports or e-mails with &lt;i&gt;Source &amp;gt; Add Source…&lt;/i&gt;, drop files here, or paste with Ctrl+Shift+V.</source>
        <translation>&lt;b&gt;Aucune source pour l’instant.&lt;/b&gt;&lt;br&gt;Ajoutez des articles, des rapports ou des courriels avec &lt;i&gt;Source &amp;gt; Ajouter une source…&lt;/i&gt;, déposez des fichiers ici ou collez avec Ctrl+Maj+V.</translation>
    </message>
</context>
<context>
    <name>SourceUpdater</name>
    <message>
        <source>%1 is already another source of this briefing: %2. Update %3 with it anyway?</source>
        <translation>%1 est déjà une autre source de cette note d’information&#xa0;: %2. Mettre quand même à jour %3 avec ce fichier&#xa0;?</translation>
    </message>
    <message>
        <source>Update Source</source>
        <translation>Mettre à jour la source</translation>
    </message>
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
        <source>%1 cannot be saved where it is (no permission to write there): save your work under another name (Save As)</source>
        <translation>%1 ne peut pas être enregistré à son emplacement (pas d’autorisation d’écriture)&#xa0;: enregistrez votre travail sous un autre nom (Enregistrer sous)</translation>
    </message>
    <message>
        <source>Cannot be saved</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Read-only: open by %1</source>
        <translation>Lecture seule&#xa0;: ouverte par %1</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
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
        <source>“%1” does not exist (%2): the date is unchanged.</source>
        <translation>«&#xa0;%1&#xa0;» n’existe pas (%2)&#xa0;: la date reste inchangée.</translation>
    </message>
    <message>
        <source>“%1” is not a note&apos;s date (%2): the date is unchanged.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une date de note (%2)&#xa0;: la date reste inchangée.</translation>
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
        <source>Title (English)</source>
        <translation>Titre (anglais)</translation>
    </message>
    <message>
        <source>English title of the note</source>
        <translation>Titre anglais de la note</translation>
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
