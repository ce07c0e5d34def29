fn main() {
    let catalog = starcoach::bank::Catalog::embedded();
    match catalog {
        Ok(c) => std::process::exit(if c.is_empty() { 1 } else { 0 }),
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{e}");
            }
            std::process::exit(3);
        }
    }
}
