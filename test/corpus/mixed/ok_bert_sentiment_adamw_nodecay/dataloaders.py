# Idiom seen in: Bala-Yarabikki/sentiment_analysis_test1 src/dataloders.py
# What it reproduces: the data loaders of the sentiment project (the encoded datasets come from a module the
#   workspace does not hold); no decay code here.
from torch.utils.data import DataLoader, RandomSampler, SequentialSampler

from tokenizer_encoder import dataset_train, dataset_val

batch_size = 8

dataloader_train = DataLoader(dataset_train,
                              sampler=RandomSampler(dataset_train),
                              batch_size=batch_size)

dataloader_validation = DataLoader(dataset_val,
                                   sampler=SequentialSampler(dataset_val),
                                   batch_size=batch_size)
