# Idiom seen in: taishan1994/pytorch_knowledge_distillation config/config.py
# What it reproduces: config classes for the BERT teacher and the BiLSTM student; the student's
# weight_decay is used by kd_main.py's no-decay split (clean program).
class BilstmForClassificationConfig:
    labels = ['体育', '娱乐', '家居', '房产', '教育', '时尚', '时政', '游戏', '科技', '财经']
    vocab_size = 6000
    word_embedding_dimension = 300
    hidden_dim = 384
    max_seq_len = 256
    epochs = 10
    train_batch_size = 64
    lr = 1e-3
    weight_decay = 0.01
    adam_epsilon = 1e-8
    warmup_proporation = 0.1
    save_dir = './checkpoints/'


class BertForClassificationConfig:
    model_dir = './model_hub/chinese-bert-wwm-ext/'
    save_dir = './checkpoints/'
