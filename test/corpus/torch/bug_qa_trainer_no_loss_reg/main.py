# Idiom seen in: gauravbaruah/Castor sm_cnn/main.py
# What it reproduces: the argparse entry point: `--eta` 0.001, `--mom` 0.0 and the store_true flag
#   `--no_loss_reg` (default False), the QAModel, Trainer(net, eta, mom, no_loss_reg, vec_dim) and the
#   epoch loop with patience; data and the word-vector cache come from a utils module this folder lacks.
# label-note: no findings here; the flag's default selects both decays in train.py.
import argparse

import numpy as np
import torch

import utils  # not part of this program
from model import QAModel
from train import Trainer

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="pytorch port of the SM model")
    ap.add_argument("model_outfile")
    ap.add_argument("--word_vectors_file", default="../../data/word2vec/aquaint+wiki.txt.gz.ndim=50.bin")
    ap.add_argument("--dataset_folder", default="../../data/TrecQA")
    ap.add_argument("--no-ext-feats", action="store_true")
    ap.add_argument("--cuda", action="store_true")
    ap.add_argument("--batch_size", type=int, default=1)
    ap.add_argument("--filter_width", type=int, default=5)
    ap.add_argument("--eta", help="Initial learning rate", default=0.001, type=float)
    ap.add_argument("--mom", help="SGD Momentum", default=0.0, type=float)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--num_conv_filters", default=100, type=int)
    ap.add_argument("--no_loss_reg", help="no loss regularization", action="store_true")
    args = ap.parse_args()

    torch.manual_seed(1234)
    np.random.seed(1234)
    cache_file = utils.cache_word_embeddings(args.word_vectors_file)
    vocab_size, vec_dim = utils.load_embedding_dimensions(cache_file)

    net = QAModel(vec_dim, args.filter_width, args.num_conv_filters, args.no_ext_feats)
    trainer = Trainer(net, args.eta, args.mom, args.no_loss_reg, vec_dim, args.cuda)
    trainer.data_splits = utils.load_splits(args.dataset_folder, cache_file, ["train-all", "raw-dev"])

    best_map, best_epoch = 0.0, 0
    for i in range(args.epochs):
        trainer.train("train-all", args.batch_size)
        dev_map = utils.evaluate_map(net, trainer.data_splits["raw-dev"])
        if dev_map - best_map > 1e-3:
            best_map, best_epoch = dev_map, i
            QAModel.save(net, args.model_outfile)
        if i - best_epoch >= args.patience:
            break
