// The coverage messages (W501–W503) spelled out in full, so the tests pin the catalogue's
// words for the objects they name.

enum CoverageWords {
    /// W501's text.
    static func gap(_ action: String, _ objects: String) -> String {
        "l'action « \(action) » n'a pas de responsable pour \(objects)"
    }

    /// W502's text.
    static func overlap(_ action: String, _ first: String, _ second: String, _ objects: String) -> String {
        "les tâches « \(first) » et « \(second) » ont des responsables différents pour « \(action) » sur \(objects)"
    }

    /// W503's text.
    static func carve(_ actor: String, _ action: String, _ task: String, _ objects: String) -> String {
        "cette interdiction retire à « \(actor) » l'action « \(action) » de la tâche « \(task) » pour \(objects)"
    }
}
