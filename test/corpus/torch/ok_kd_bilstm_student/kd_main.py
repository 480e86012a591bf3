# Idiom seen in: taishan1994/pytorch_knowledge_distillation kd_main.py
# What it reproduces: KD trainer distilling a BERT teacher into the BiLSTM student; AdamW with the
# usual no_decay = ["bias", "LayerNorm.weight"] groups over the student's named parameters. Clean.
import torch
import torch.nn.functional as F
from torch import nn
from transformers import AdamW, get_linear_schedule_with_warmup

from config import BilstmForClassificationConfig, BertForClassificationConfig
from student_model import BilstmForSequenceClassification
from processor.kd_processor import build_kd_loaders
from models.bertForClassification import load_teacher


class KDTrainer:
    def __init__(self, teacher_model, student_model, student_config, device, T=20):
        self.teacher_model = teacher_model
        self.student_model = student_model
        self.student_config = student_config
        self.device = device
        self.criterion = nn.CrossEntropyLoss()
        self.kd_criterion = nn.KLDivLoss(reduction='batchmean')
        self.T = T

    def build_optimizers(self, model, config, t_total):
        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
             "weight_decay": config.weight_decay},
            {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
             "weight_decay": 0.0},
        ]
        optimizer = AdamW(optimizer_grouped_parameters, betas=(0.9, 0.98), lr=config.lr, eps=config.adam_epsilon)
        scheduler = get_linear_schedule_with_warmup(optimizer, int(config.warmup_proporation * t_total), t_total)
        return optimizer, scheduler

    def train(self, train_loader):
        t_total = len(train_loader) * self.student_config.epochs
        optimizer, scheduler = self.build_optimizers(self.student_model, self.student_config, t_total)
        self.teacher_model.eval()
        for epoch in range(self.student_config.epochs):
            for teacher_ids, token_type_ids, attention_mask, student_ids, label_ids in train_loader:
                with torch.no_grad():
                    t_logits = self.teacher_model(teacher_ids.to(self.device), token_type_ids.to(self.device),
                                                  attention_mask.to(self.device))
                self.student_model.train()
                lengths = torch.sum((student_ids > 0).long(), dim=-1)
                s_logits = self.student_model(student_ids.to(self.device), lengths)
                hard_loss = self.criterion(s_logits, label_ids.to(self.device))
                soft_loss = self.kd_criterion(F.log_softmax(s_logits / self.T, dim=-1),
                                              F.softmax(t_logits / self.T, dim=-1))
                loss = hard_loss + soft_loss
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                scheduler.step()


if __name__ == '__main__':
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    s_cfg = BilstmForClassificationConfig()
    teacher = load_teacher(BertForClassificationConfig()).to(device)
    student = BilstmForSequenceClassification(len(s_cfg.labels), s_cfg.vocab_size,
                                              s_cfg.word_embedding_dimension, s_cfg.hidden_dim).to(device)
    train_loader = build_kd_loaders(s_cfg)
    KDTrainer(teacher, student, s_cfg, device).train(train_loader)
