export function Placeholder({ title, what }: { title: string; what: string }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p className="lead">{what}</p>
      <p className="notice">This area is not built yet in this version.</p>
    </section>
  );
}
