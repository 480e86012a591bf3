# Idiom seen in: thunlp/OpenNRE example/train_supervised_bert.py
# What it reproduces: the supervised BERT relation-extraction recipe: the framework is created with
#   opt='adamw', so the bias/LayerNorm-excluding AdamW groups are used; the sgd/adam branches with the
#   framework's default weight_decay are never selected. Clean.
import argparse
import json
import logging
import os

import torch

from opennre.model.softmax_nn import BERTEncoder, SoftmaxNN
from opennre.framework.sentence_re import SentenceRE

parser = argparse.ArgumentParser()
parser.add_argument('--pretrain_path', default='bert-base-uncased', help='Pre-trained ckpt path / model name')
parser.add_argument('--ckpt', default='', help='Checkpoint name')
parser.add_argument('--only_test', action='store_true', help='Only run test')
parser.add_argument('--metric', default='micro_f1', choices=['micro_f1', 'acc'])
parser.add_argument('--train_file', default='benchmark/semeval/semeval_train.txt', type=str)
parser.add_argument('--val_file', default='benchmark/semeval/semeval_val.txt', type=str)
parser.add_argument('--test_file', default='benchmark/semeval/semeval_test.txt', type=str)
parser.add_argument('--rel2id_file', default='benchmark/semeval/semeval_rel2id.json', type=str)
parser.add_argument('--batch_size', default=64, type=int)
parser.add_argument('--lr', default=2e-5, type=float)
parser.add_argument('--max_length', default=128, type=int)
parser.add_argument('--max_epoch', default=3, type=int)
args = parser.parse_args()

os.makedirs('ckpt', exist_ok=True)
if len(args.ckpt) == 0:
    args.ckpt = 'semeval_{}_cls'.format(args.pretrain_path)
ckpt = 'ckpt/{}.pth.tar'.format(args.ckpt)

rel2id = json.load(open(args.rel2id_file))
sentence_encoder = BERTEncoder(max_length=args.max_length, pretrain_path=args.pretrain_path)
model = SoftmaxNN(sentence_encoder, len(rel2id), rel2id)

framework = SentenceRE(
    train_path=args.train_file,
    val_path=args.val_file,
    test_path=args.test_file,
    model=model,
    ckpt=ckpt,
    batch_size=args.batch_size,
    max_epoch=args.max_epoch,
    lr=args.lr,
    opt='adamw'
)

if not args.only_test:
    framework.train_model(args.metric)

framework.load_state_dict(torch.load(ckpt)['state_dict'])
result = framework.eval_model(framework.test_loader)
logging.info('Test set results: acc {} micro_f1 {}'.format(result['acc'], result['micro_f1']))
