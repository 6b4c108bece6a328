"""The baseline: a plain transformers script that only translates, as a user would write it.

    python bench/plain_transformers.py SENTENCES.txt [--model DIR] [--beams 1] [--batch 16]

Reads one sentence per line, prints one English line per sentence. No cache, no provenance code.
"""
import argparse
import sys
import warnings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sentences")
    parser.add_argument("--model", default="models/zls-en-compact")
    parser.add_argument("--beams", type=int, default=1)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    warnings.simplefilter("ignore")
    tokenizer = MarianTokenizer.from_pretrained(args.model)
    model = MarianMTModel.from_pretrained(args.model, dtype=torch.float32).eval()
    lines = open(args.sentences, encoding="utf-8").read().splitlines()
    with torch.inference_mode():
        for start in range(0, len(lines), args.batch):
            batch = tokenizer(lines[start:start + args.batch], return_tensors="pt", padding=True, truncation=True,
                              max_length=400)
            output = model.generate(**batch, num_beams=args.beams)  # the model's own limits (max_length 256)
            for text in tokenizer.batch_decode(output, skip_special_tokens=True):
                sys.stdout.write(text.strip() + "\n")


if __name__ == "__main__":
    main()
