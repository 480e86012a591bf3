# Idiom seen in: XPixelGroup/BasicSR options/train/EDSR/train_EDSR_Mx4.yml (run as `python train.py -opt
#   options/train/EDSR/train_EDSR_Mx4.yml`; the entry point is written here in BasicSR's style)
# What it reproduces: parse the YAML options, build the model by its registry name, loop over the paired-image
#   loader (from a data package this folder lacks) for total_iter iterations.
# label-note: clean (see sr_model.py).
import argparse

import yaml

import edsr_arch  # noqa: F401  (registers EDSR)
import sr_model  # noqa: F401  (registers SRModel)
from registry import MODEL_REGISTRY
from data import build_train_loader


def parse_options():
    parser = argparse.ArgumentParser()
    parser.add_argument("-opt", type=str, required=True, help="Path to option YAML file.")
    args = parser.parse_args()
    with open(args.opt, mode="r") as f:
        return yaml.load(f, Loader=yaml.SafeLoader)


def train_pipeline():
    opt = parse_options()
    model = MODEL_REGISTRY.get(opt["model_type"])(opt)
    train_loader = build_train_loader(opt, scale=opt["scale"])
    current_iter, total_iters = 0, opt["train"]["total_iter"]
    while current_iter < total_iters:
        for lq, gt in train_loader:
            current_iter += 1
            log = model.optimize_parameters(lq, gt)
            if current_iter % 100 == 0:
                print(f"iter {current_iter}: {log}")
            if current_iter >= total_iters:
                break


if __name__ == "__main__":
    train_pipeline()
