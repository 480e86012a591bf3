# Idiom seen in: Bala-Yarabikki/sentiment_analysis_test1 src/pretrained_model.py
# Idiom seen in: Bala-Yarabikki/sentiment_analysis_test1 src/performance_metrics.py
# Idiom seen in: Bala-Yarabikki/sentiment_analysis_test1 src/training_loop.py
# What it reproduces: the multilingual-BERT sentiment model of a small project split over modules; the optimizer
#   is transformers.AdamW(model.parameters(), lr, eps) whose weight_decay defaults to 0.0: no decay at all, clean.
from transformers import BertForSequenceClassification

label_dict = {"negative": 0, "neutral": 1, "positive": 2, "mixed": 3}

model = BertForSequenceClassification.from_pretrained("bert-base-multilingual-cased",
                                                      num_labels=len(label_dict),
                                                      output_attentions=False,
                                                      output_hidden_states=False)
