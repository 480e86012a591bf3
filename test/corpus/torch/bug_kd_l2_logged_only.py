# Idiom seen in: taishan1994/pytorch_knowledge_distillation kd_main.py
# What it reproduces: user's mistake in the repo's KD loop: an L2 penalty on the student is computed
# and added to a `total` that is only printed, while loss.backward() runs on hard+soft only, so the
# penalty is dropped (WD104); the AdamW (transformers) has no weight_decay either.
import argparse

import torch
import torch.nn.functional as F
from torch import nn
from transformers import AdamW

from models.lstmForClassification import BilstmForSequenceClassification
from models.bertForClassification import load_teacher
from processor.kd_processor import build_kd_loaders

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=10)
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--l2_lambda', type=float, default=1e-4)
parser.add_argument('--T', type=float, default=20.0)
args = parser.parse_args()

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
teacher = load_teacher('./model_hub/chinese-bert-wwm-ext/').to(device).eval()
student = BilstmForSequenceClassification(10, 6000, 300, 384).to(device)
train_loader = build_kd_loaders(batch_size=64)

criterion = nn.CrossEntropyLoss()
kd_criterion = nn.KLDivLoss(reduction='batchmean')
optimizer = AdamW(student.parameters(), lr=args.lr)

for epoch in range(args.epochs):
    for step, (teacher_ids, token_type_ids, attention_mask, student_ids, label_ids) in enumerate(train_loader):
        with torch.no_grad():
            t_logits = teacher(teacher_ids.to(device), token_type_ids.to(device), attention_mask.to(device))
        student.train()
        lengths = torch.sum((student_ids > 0).long(), dim=-1)
        s_logits = student(student_ids.to(device), lengths)
        hard_loss = criterion(s_logits, label_ids.to(device))
        soft_loss = kd_criterion(F.log_softmax(s_logits / args.T, dim=-1), F.softmax(t_logits / args.T, dim=-1))
        loss = hard_loss + soft_loss
        l2_penalty = args.l2_lambda * sum(p.pow(2).sum() for p in student.parameters())  # expect: WD104
        total = loss + l2_penalty
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 100 == 0:
            print('epoch {} step {} loss {:.4f} (with l2 {:.4f})'.format(epoch, step, loss.item(), total.item()))
