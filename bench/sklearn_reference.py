"""scikit-learn's reference for the themes benchmark: TF-IDF + MiniBatchKMeans on the same texts.

Run by bench/themes.ts with Debian's /usr/bin/python3 (python3-sklearn). Prints one JSON line.
"""
import json
import resource
import sys
import time

started = time.perf_counter()
from sklearn.cluster import MiniBatchKMeans  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

path, k = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as f:
    texts = [json.loads(line) for line in f if line.strip()]
x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5).fit_transform(texts)
labels = MiniBatchKMeans(n_clusters=k, random_state=1, n_init=3, batch_size=1024).fit_predict(x)
print(json.dumps({
    "responses": len(texts),
    "themes": int(len(set(labels.tolist()))),
    "seconds": time.perf_counter() - started,
    "maxRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
}))
