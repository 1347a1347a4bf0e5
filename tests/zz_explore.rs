#[test]
fn explore() {
    let bytes = std::fs::read("/tmp/explore.pdf").unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages = doc.get_pages();
    let id = pages[&1];
    for (name, font) in doc.get_page_fonts(id).unwrap() {
        println!("{:?} {:?}", String::from_utf8_lossy(&name), font.get(b"BaseFont"));
    }
    let content = lopdf::content::Content::decode(&doc.get_page_content(id)).unwrap();
    for op in content.operations.iter().take(60) { println!("{} {:?}", op.operator, op.operands); }
}
