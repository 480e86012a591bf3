# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/loss/BPRLoss.py
# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/main.py
# What it reproduces: LightGCN with the L2 term on the layer-0 embeddings built inside a BPRLoss object
# (reg_loss * weight_decay added to the BPR loss that is backpropagated) and Adam WITHOUT weight_decay:
# the decay is applied once, through the loss. Clean.
