/// The requests about an open document, one per editor feature.
extension LanguageServerSession {
    /// The capabilities of the features below, for `initialize`.
    static var featureCapabilities: [(String, JSON)] {
        []
    }

    /// Answers a request other than the lifecycle ones.
    func answer(_ method: String, params: JSON) throws(ResponseError) -> JSON {
        switch method {
        default:
            throw .methodNotFound(method)
        }
    }
}
